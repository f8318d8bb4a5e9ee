package com.edgecloud.billing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} fen")
    @CsvSource({
            "12, 1200",
            "12.3, 1230",
            "12.34, 1234",
            "-5.00, -500",
            "0.05, 5",
            "0, 0",
            "-0.01, -1",
            "-0, 0",
            "007.50, 750",
            "92233720368547758.07, 9223372036854775807",
            "-92233720368547758.08, -9223372036854775808",
    })
    void parsesDecimalStringsToExactFen_M1(String text, long fen) {
        assertEquals(fen, Money.parse(text).fen());
    }

    @ParameterizedTest(name = "{0} fen -> \"{1}\"")
    @CsvSource({
            "123450, 1234.50",
            "5, 0.05",
            "-500, -5.00",
            "0, 0.00",
            "-1, -0.01",
            "-5, -0.05",
            "10, 0.10",
            "100, 1.00",
            "9223372036854775807, 92233720368547758.07",
            "-9223372036854775808, -92233720368547758.08",
    })
    void printsAlwaysTwoDecimals_M1(long fen, String text) {
        assertEquals(text, Money.ofFen(fen).toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 9, 10, 99, 100, 101, 123456789, -987654321,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1})
    void stringFormRoundTrips_M1(long fen) {
        Money m = Money.ofFen(fen);
        assertEquals(m, Money.parse(m.toString()));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"", " ", "1.234", "0.001", "1e3", "1E3", "+1", " 1", "1 ", "1 000", "1,000",
            "1,5", "1.", ".5", "--1", "-", "abc", "1.2.3", "0x10", "NaN", "Infinity", "\u0661\u0662",
            "92233720368547758.08", "-92233720368547758.09", "99999999999999999999"})
    void rejectsAnythingButPlainDecimals_M1(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsNull_M1() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(null));
    }

    @Test
    void arithmeticIsExact_M1() {
        Money a = Money.parse("0.10");
        Money b = Money.parse("0.20");
        assertEquals(Money.parse("0.30"), a.plus(b));
        assertEquals(Money.parse("-0.10"), a.minus(b));
        assertEquals(Money.parse("3.00"), a.times(30));
        assertEquals(Money.parse("-0.10"), a.negate());
        assertEquals(Money.parse("0.60"), Money.sum(List.of(a, b, b, a.minus(a), a)));
        // 0.1 + 0.2 in binary floating point would not be 0.3; here it is, a thousand times over.
        Money total = Money.ZERO;
        for (int i = 0; i < 1000; i++) {
            total = total.plus(a);
        }
        assertEquals("100.00", total.toString());
    }

    @Test
    void overflowThrowsInsteadOfWrapping_M1() {
        Money max = Money.ofFen(Long.MAX_VALUE);
        Money min = Money.ofFen(Long.MIN_VALUE);
        assertThrows(ArithmeticException.class, () -> max.plus(Money.ofFen(1)));
        assertThrows(ArithmeticException.class, () -> min.minus(Money.ofFen(1)));
        assertThrows(ArithmeticException.class, () -> max.times(2));
        assertThrows(ArithmeticException.class, () -> min.negate());
    }

    @Test
    void comparesAndTellsSign_M1() {
        Money five = Money.parse("5");
        Money six = Money.parse("6.00");
        assertTrue(five.isLessThan(six));
        assertFalse(six.isLessThan(five));
        assertFalse(five.isLessThan(five));
        assertTrue(five.isAtLeast(five));
        assertTrue(six.isAtLeast(five));
        assertFalse(five.isAtLeast(six));
        assertSame(five, Money.min(five, six));
        assertSame(five, Money.min(six, five));
        assertEquals(six, Money.max(five, six));
        assertTrue(five.compareTo(six) < 0);
        assertTrue(Money.parse("-0.01").isNegative());
        assertFalse(Money.parse("-0.01").isPositive());
        assertTrue(Money.parse("0.01").isPositive());
        assertTrue(Money.parse("-0.00").isZero());
        assertFalse(Money.ZERO.isNegative());
        assertFalse(Money.ZERO.isPositive());
        assertEquals(Money.ZERO, Money.ofFen(0));
        assertEquals(new Money(1234), Money.ofFen(1234));
    }
}
