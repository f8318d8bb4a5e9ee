package com.edgecloud.billing.money;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * M1: an exact CNY amount in integer fen (0.01). JSON form is {@link #toString()}, e.g. "1234.50".
 * All arithmetic is exact; overflow throws {@link ArithmeticException}.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    // M1: optional '-', ASCII digits, at most two decimals; nothing else.
    private static final Pattern FORMAT = Pattern.compile("(-?)([0-9]+)(?:\\.([0-9]{1,2}))?");

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /** Parses "12", "12.3", "12.34", "-5.00"; throws IllegalArgumentException on anything else. */
    public static Money parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("Money amount is missing");
        }
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid money amount '" + s
                    + "': expected a decimal number with at most two decimals, e.g. \"12.34\"");
        }
        boolean negative = !m.group(1).isEmpty();
        String decimals = m.group(3) == null ? "" : m.group(3);
        long frac = decimals.isEmpty() ? 0 : Long.parseLong(decimals.length() == 1 ? decimals + "0" : decimals);
        try {
            long units = Long.parseLong(m.group(2));
            long magnitude = Math.multiplyExact(units, 100L);
            // Build negatives downward so Long.MIN_VALUE fen round-trips.
            return ofFen(negative
                    ? Math.subtractExact(Math.negateExact(magnitude), frac)
                    : Math.addExact(magnitude, frac));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Money amount '" + s + "' is out of range", e);
        }
    }

    /** Sum of amounts (ZERO when empty). */
    public static Money sum(Iterable<Money> amounts) {
        Money total = ZERO;
        for (Money a : amounts) {
            total = total.plus(a);
        }
        return total;
    }

    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return ofFen(Math.multiplyExact(fen, factor));
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, Objects.requireNonNull(other, "other").fen);
    }

    /** M1: always two decimals, e.g. "1234.50", "0.05", "-5.00". */
    @Override
    public String toString() {
        long units = Math.abs(fen / 100); // safe even for Long.MIN_VALUE
        long cents = Math.abs(fen % 100);
        return (fen < 0 ? "-" : "") + units + (cents < 10 ? ".0" : ".") + cents;
    }
}
