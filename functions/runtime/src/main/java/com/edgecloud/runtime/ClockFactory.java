package com.edgecloud.runtime;

import com.edgecloud.billing.time.SystemTime;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * T2: the one place "now" comes from. {@link Clock} is business time (terms, bills, sweeps),
 * which the local server replaces with a settable clock and a scheduled function with its
 * event's time; {@link SystemTime} is infrastructure time and always the system's.
 */
@Factory
public class ClockFactory {

    public static final String SETTABLE = "billing.clock.settable";

    @Singleton
    @Requires(missingProperty = SETTABLE)
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The local server and tests: business time they can set. */
    @Singleton
    @Requires(property = SETTABLE, value = "true")
    public SettableClock settableClock() {
        return new SettableClock();
    }

    @Singleton
    public SystemTime systemTime() {
        return new SystemTime(Clock.systemUTC());
    }
}
