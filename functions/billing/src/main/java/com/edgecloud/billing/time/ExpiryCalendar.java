package com.edgecloud.billing.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** T1/P3/R2: term arithmetic on calendar dates of the billing zone. */
public final class ExpiryCalendar {

    /** T1: default billing zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    // P3: a term ends at 23:59:59 of its last date.
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final ZoneId zone;

    public ExpiryCalendar(ZoneId billingZone) {
        this.zone = Objects.requireNonNull(billingZone, "billingZone");
    }

    public ZoneId zone() {
        return zone;
    }

    /** T1: the calendar date of an instant in the billing zone. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /**
     * P3: 23:59:59 (billing zone) of the start's date plus N months/years. plusMonths/plusYears keep
     * the day of month and clamp to the last day of a shorter month.
     */
    public Instant expiresAt(Instant termStart, TermDuration d) {
        Objects.requireNonNull(d, "duration");
        LocalDate start = dateOf(Objects.requireNonNull(termStart, "termStart"));
        LocalDate last = switch (d.unit()) {
            case MONTH -> start.plusMonths(d.count());
            case YEAR -> start.plusYears(d.count());
        };
        return last.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** R2: 00:00:00 (billing zone) of the day after the old expiry's date. */
    public Instant renewalStart(Instant oldExpiry) {
        LocalDate next = dateOf(Objects.requireNonNull(oldExpiry, "oldExpiry")).plusDays(1);
        return next.atStartOfDay(zone).toInstant();
    }
}
