package com.edgecloud.billing.catalog;

import com.edgecloud.billing.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * G2: a spec's hourly prices over time, each change with the instant (business clock, whole
 * seconds) it was made. A change applies from its instant on and never to a second before it; the
 * first price also covers every instant before it (a spec is priced from before its first
 * instance). Metering prices each second at the price in effect at that second.
 */
public record PriceHistory(List<PriceChange> changes) {

    /** From {@code from} on, until the next change, a second costs {@code hourlyPrice} / 3600. */
    public record PriceChange(Instant from, Money hourlyPrice) {

        public PriceChange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(hourlyPrice, "hourlyPrice");
        }
    }

    public PriceHistory {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a price history has at least one price");
        }
        changes = changes.stream().sorted(Comparator.comparing(PriceChange::from)).toList();
    }

    /** A spec first written at {@code at}. */
    public static PriceHistory startingAt(Instant at, Money hourlyPrice) {
        return new PriceHistory(List.of(new PriceChange(at.truncatedTo(ChronoUnit.SECONDS),
                hourlyPrice)));
    }

    /** A spec written before prices had a history: its one price, in effect since ever. */
    public static PriceHistory always(Money hourlyPrice) {
        return new PriceHistory(List.of(new PriceChange(Instant.EPOCH, hourlyPrice)));
    }

    /** The latest price, the one an operator last set. */
    public Money latest() {
        return changes.get(changes.size() - 1).hourlyPrice();
    }

    /** G2, C4: the price in effect at {@code at}. */
    public Money priceAt(Instant at) {
        Money price = changes.get(0).hourlyPrice();
        for (PriceChange change : changes) {
            if (change.from().isAfter(at)) {
                break;
            }
            price = change.hourlyPrice();
        }
        return price;
    }

    /**
     * G2: an operator sets {@code hourlyPrice} at {@code at}: it applies from that second on, and the
     * operator's latest word wins, so a change dated at or after it (a business clock set back) is
     * replaced. Unchanged when the price is already the latest. Billed seconds keep their cost anyway:
     * it is summed on the instance as they are billed.
     */
    public PriceHistory changedTo(Money hourlyPrice, Instant at) {
        Instant from = at.truncatedTo(ChronoUnit.SECONDS);
        List<PriceChange> before = changes.stream().filter(change -> change.from().isBefore(from)).toList();
        if (before.size() == changes.size() && latest().equals(hourlyPrice)) {
            return this;
        }
        List<PriceChange> next = new ArrayList<>(before);
        next.add(new PriceChange(from, hourlyPrice));
        return new PriceHistory(next);
    }

    /**
     * G2, M1: the exact cost of the seconds in [{@code from}, {@code until}) in fen·seconds (price in
     * fen × seconds at that price, summed segment by segment); divided by 3600 it is fen, unrounded.
     */
    public long fenSeconds(Instant from, Instant until) {
        long total = 0;
        for (int i = 0; i < changes.size(); i++) {
            Instant segmentStart = i == 0 ? Instant.MIN : changes.get(i).from();
            Instant segmentEnd = i + 1 < changes.size() ? changes.get(i + 1).from() : Instant.MAX;
            Instant start = later(from, segmentStart);
            Instant end = earlier(until, segmentEnd);
            if (start.isBefore(end)) {
                long seconds = Duration.between(start, end).getSeconds();
                total = Math.addExact(total, Math.multiplyExact(changes.get(i).hourlyPrice().fen(), seconds));
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
