package com.edgecloud.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * T2: business time that can be set, for the local server ({@code PUT /_local/clock}) and tests.
 * Frozen at the instant set; the system clock otherwise. {@link ClockFactory} provides it instead
 * of the system clock when {@code billing.clock.settable} is true, so every bean that takes a
 * {@link Clock} gets this one. Infrastructure time ({@code SystemTime}) never follows it.
 */
public class SettableClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private volatile Instant frozenAt;

    /** Freezes "now" at {@code instant} until {@link #reset()} or the next set. */
    public void set(Instant instant) {
        frozenAt = Objects.requireNonNull(instant, "instant");
    }

    /** Back to the system clock. */
    public void reset() {
        frozenAt = null;
    }

    /** The instant "now" is frozen at, or empty when following the system clock. */
    public Optional<Instant> frozenAt() {
        return Optional.ofNullable(frozenAt);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still follows this clock's setting. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(getZone())) {
            return this;
        }
        SettableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }
}
