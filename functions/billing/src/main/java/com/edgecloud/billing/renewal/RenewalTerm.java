package com.edgecloud.billing.renewal;

import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;

/** R2: the term a renewal buys, chained to the latest term whenever the renewal is made. */
public record RenewalTerm(Instant startsAt, Instant expiresAt) {

    /**
     * R2: starts 00:00:00 (billing zone) of the day after {@code latestExpiry} and expires by P3 from
     * that start; before or after the old expiry alike, and after an early renewal the latest term is
     * the one not begun yet, so renewals chain.
     */
    public static RenewalTerm after(Instant latestExpiry, TermDuration duration, ExpiryCalendar calendar) {
        Instant start = calendar.renewalStart(latestExpiry);
        return new RenewalTerm(start, calendar.expiresAt(start, duration));
    }
}
