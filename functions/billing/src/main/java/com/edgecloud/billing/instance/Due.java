package com.edgecloud.billing.instance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * When an instance next needs a sweep, and which sweep: the sparse due-time index holds
 * exactly the instances that have one. Buckets spread the index's partition over a few
 * keys so that a busy hour does not write one hot partition; a sweep queries each.
 */
public record Due(String bucket, Instant at) {

    /** Buckets per kind unless configured. */
    public static final int DEFAULT_BUCKETS = 4;
    private static volatile int buckets = DEFAULT_BUCKETS;
    /** E4: warnings N days before expiry. */
    public static final List<Integer> WARNING_DAYS = List.of(30, 15, 7, 3, 1);

    /** EXPIRY, USAGE: an instance's; ORDER: a paid order whose instances are not all written yet. */
    public enum Kind { EXPIRY, USAGE, ORDER }

    /**
     * Sets the buckets per kind, once at start ({@code billing.due-buckets}; docs/scaling.md says how
     * many a fleet needs). Raise it, never lower it: an item keeps the bucket it was written in until
     * its next transition, and a sweep queries buckets 0 to count - 1 only.
     */
    public static void configureBuckets(int count) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("billing.due-buckets must be 1 to 1000, not " + count);
        }
        buckets = count;
    }

    public static int bucketCount() {
        return buckets;
    }

    public static Due of(Kind kind, String instanceId, Instant at) {
        return new Due(kind.name() + "#" + Math.floorMod(instanceId.hashCode(), buckets), at);
    }

    /**
     * G2: a usage bill's due point, in the bucket of the instance's account rather than its own: an
     * hourly run reads one bucket and finds all of an account's due servers there, so it pays them
     * with one wallet read and one transaction (docs/scaling.md). Items written in a bucket of
     * their instance before this keep it until their next bill; a run queries every bucket anyway.
     */
    public static Due usage(String accountId, Instant at) {
        return of(Kind.USAGE, accountId, at);
    }

    public static List<String> buckets(Kind kind) {
        return IntStream.range(0, buckets).mapToObj(i -> kind.name() + "#" + i).toList();
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

    /**
     * G2: a pay-by-configuration instance is billed at the end of each clock hour (billing zone); its
     * due point is in its account's bucket ({@link #usage}).
     */
    public static Due nextUsageBill(String accountId, Instant from, ZoneId zone) {
        ZonedDateTime hourEnd = from.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return usage(accountId, hourEnd.toInstant());
    }
}
