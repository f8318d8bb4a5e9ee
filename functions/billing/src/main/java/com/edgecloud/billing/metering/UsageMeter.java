package com.edgecloud.billing.metering;

import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * G2: what the next bill of a pay-by-configuration instance is. Bills run per clock hour of the
 * billing zone (and a final one at deletion). Each second is priced at the spec's price in effect at
 * that second, segment by segment between price changes, and summed exactly in fen·seconds on the
 * instance; a bill is that total rounded once half-up (M1) minus what earlier bills charged. So the
 * sum of an instance's bills is the exact cost of all its seconds rounded once, whatever the hours
 * and price changes, a change never re-prices a billed second, and no bill is negative.
 */
public final class UsageMeter {

    private static final long SECONDS_PER_HOUR = 3600;

    private final ZoneId zone;

    public UsageMeter(ZoneId zone) {
        this.zone = zone;
    }

    /** One metered period and the instance's metering totals after billing it. */
    public record Metered(Instant periodStart, Instant periodEnd, long seconds, Money amount,
                          long meteredSeconds, long meteredFenSeconds, long billedFen) {

        /** The instance billed up to this period's end, with the new totals. */
        public Instance applyTo(Instance instance) {
            return instance.withMetering(periodEnd, meteredSeconds, meteredFenSeconds, billedFen);
        }
    }

    /** The end of the clock hour (billing zone) that {@code from} lies in. */
    public Instant hourEnd(Instant from) {
        return from.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    /** G2: the bill of the clock hour following {@code instance.billedUntil()}. */
    public Metered nextHour(Instance instance, PriceHistory prices) {
        return meter(instance, hourEnd(instance.billedUntil()), prices);
    }

    /** G2, G6: the bill for the seconds from {@code billedUntil} to {@code until} (to the second). */
    public Metered meter(Instance instance, Instant until, PriceHistory prices) {
        Instant start = instance.billedUntil();
        Instant end = until.isAfter(start) ? until : start;
        long seconds = Duration.between(start, end).getSeconds();
        long cost = Math.addExact(costSoFar(instance, prices), prices.fenSeconds(start, end));
        long amount = Math.max(0, roundedFen(cost) - instance.billedFen()); // G2: never a negative bill
        return new Metered(start, end, seconds, Money.ofFen(amount), instance.meteredSeconds() + seconds, cost,
                instance.billedFen() + amount);
    }

    /**
     * The exact cost of the seconds billed so far, in fen·seconds. An instance metered before costs
     * were kept has only its seconds and billed fen: when its price at its last billed second
     * reproduces the billed fen, that price × seconds is its exact cost (rounding stays cumulative);
     * otherwise (its price changed under the old metering) the billed fen are taken as exact. Either
     * way the next bill starts at {@code billedUntil}: no second is billed twice or skipped.
     */
    static long costSoFar(Instance instance, PriceHistory prices) {
        if (instance.meteredFenSeconds() != null) {
            return instance.meteredFenSeconds();
        }
        long lastPrice = prices.priceAt(instance.billedUntil().minusSeconds(1)).fen();
        long exact = Math.multiplyExact(lastPrice, instance.meteredSeconds());
        return roundedFen(exact) == instance.billedFen() ? exact
                : Math.multiplyExact(instance.billedFen(), SECONDS_PER_HOUR);
    }

    /** M1: fen·seconds to fen, rounded once, half up. */
    static long roundedFen(long fenSeconds) {
        return Math.floorDiv(Math.addExact(fenSeconds, SECONDS_PER_HOUR / 2), SECONDS_PER_HOUR);
    }

    /** M1: hourly price × seconds / 3600, rounded once, half up. */
    public static long exactCostFen(Money hourlyPrice, long seconds) {
        return roundedFen(Math.multiplyExact(hourlyPrice.fen(), seconds));
    }
}
