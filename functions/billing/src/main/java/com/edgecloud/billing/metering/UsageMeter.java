package com.edgecloud.billing.metering;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * G2: what the next bill of a pay-by-configuration instance is. Bills run per clock hour of the
 * billing zone (and a final one at deletion), and each bill is the exact cost of all seconds
 * metered so far, rounded once half-up (M1), minus what earlier bills already charged: the sum
 * of an instance's bills never drifts from the exact cost, however many hours it runs.
 */
public final class UsageMeter {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final ZoneId zone;

    public UsageMeter(ZoneId zone) {
        this.zone = zone;
    }

    /** One metered period and the instance's metering totals after billing it. */
    public record Metered(Instant periodStart, Instant periodEnd, long seconds, Money amount,
                          long meteredSeconds, long billedFen) {
    }

    /** The end of the clock hour (billing zone) that {@code from} lies in. */
    public Instant hourEnd(Instant from) {
        return from.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    /** G2: the bill of the clock hour following {@code instance.billedUntil()}. */
    public Metered nextHour(Instance instance, Money hourlyPrice) {
        return meter(instance, hourEnd(instance.billedUntil()), hourlyPrice);
    }

    /** G2, G6: the bill for the seconds from {@code billedUntil} to {@code until} (to the second). */
    public Metered meter(Instance instance, Instant until, Money hourlyPrice) {
        Instant start = instance.billedUntil();
        long seconds = Math.max(0, Duration.between(start, until).getSeconds());
        long total = instance.meteredSeconds() + seconds;
        long exactFen = exactCostFen(hourlyPrice, total);
        return new Metered(start, until, seconds, Money.ofFen(exactFen - instance.billedFen()), total, exactFen);
    }

    /** M1: hourly price × seconds / 3600, rounded once, half up. */
    public static long exactCostFen(Money hourlyPrice, long seconds) {
        return BigDecimal.valueOf(hourlyPrice.fen()).multiply(BigDecimal.valueOf(seconds))
                .divide(SECONDS_PER_HOUR, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
