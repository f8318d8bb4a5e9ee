package com.edgecloud.billing.instance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When an instance next needs a sweep, and which sweep: the sparse due-time index holds
 * exactly the instances that have one. Buckets spread the index's partition over a few
 * keys so that a busy hour does not write one hot partition; a sweep queries each.
 */
public record Due(String bucket, Instant at) {

    public static final int BUCKETS = 4;
    /** E4: warnings N days before expiry. */
    public static final List<Integer> WARNING_DAYS = List.of(30, 15, 7, 3, 1);

    /** EXPIRY, USAGE: an instance's; ORDER: a paid order whose instances are not all written yet. */
    public enum Kind { EXPIRY, USAGE, ORDER }

    public static Due of(Kind kind, String instanceId, Instant at) {
        return new Due(kind.name() + "#" + Math.floorMod(instanceId.hashCode(), BUCKETS), at);
    }

    public static List<String> buckets(Kind kind) {
        return java.util.stream.IntStream.range(0, BUCKETS).mapToObj(i -> kind.name() + "#" + i).toList();
    }

    /**
     * A monthly package's first due point in a term: its earliest warning that does not fall
     * before the term was bought (E4 skips those), else the expiry itself.
     */
    public static Due firstOfTerm(String instanceId, Instant termStart, Instant expiresAt) {
        for (int days : WARNING_DAYS) {
            Instant warning = expiresAt.minus(Duration.ofDays(days));
            if (!warning.isBefore(termStart)) {
                return of(Kind.EXPIRY, instanceId, warning);
            }
        }
        return of(Kind.EXPIRY, instanceId, expiresAt);
    }

    /** G2: a pay-by-configuration instance is billed at the end of each clock hour (billing zone). */
    public static Due nextUsageBill(String instanceId, Instant from, ZoneId zone) {
        ZonedDateTime hourEnd = from.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return of(Kind.USAGE, instanceId, hourEnd.toInstant());
    }
}
