package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.testing.ScheduledEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * G7: after an hourly run the balance covers less than 24 h at the current rate: one BALANCE_LOW,
 * written with the run's transaction (N2), through UsageBillingFunction's real handler.
 */
class BalanceLowWarningIntegrationTest extends HourlyRunTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aForecastCrossing24HoursWarnsOnceAndAgainOnlyAfterCoverCameBack_G7() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "60.00");
        fixtures.payByConfiguration(account, fixtures.nodeWithHourlyPrice("2.00", 5), T0);

        runHours(1, 6); // 60.00 → 48.00: still 24 h of cover at 2.00
        assertEquals(List.of(), balanceLows(account));

        runHours(7, 7); // 46.00 < 48.00: the crossing
        assertEquals(List.of(23L), balanceLows(account), "one warning, with the whole hours left");
        assertTrue(fixtures.account(account).balanceLowWarned());

        runHours(8, 9); // 42.00: still low, already warned
        assertEquals(List.of(23L), balanceLows(account));

        fixtures.recharge(account, "20.00"); // 62.00
        runHours(10, 10); // 60.00: covered again, armed
        assertFalse(fixtures.account(account).balanceLowWarned());
        assertEquals(List.of(23L), balanceLows(account));

        runHours(11, 16); // down to 48.00: at the threshold is covered
        assertEquals(List.of(23L), balanceLows(account));
        runHours(17, 17); // 46.00: crossing again
        assertEquals(List.of(23L, 23L), balanceLows(account));
        assertEquals(Money.parse("46.00"), fixtures.account(account).wallet().cash());
    }

    @Test
    void aRunThatPaysNothingButFindsTheRateRisenWarns_G7_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("0.00", 5);
        fixtures.payByConfiguration(account, spec, T0);
        runHours(1, 1);
        assertEquals(List.of(), balanceLows(account));

        fixtures.changeHourlyPrice(spec, "5.00", T0.plus(Duration.ofHours(1)).plusSeconds(3599));
        runHours(2, 2); // one second at 5.00 rounds to a 0.00 bill; 100.00 < 24 × 5.00

        assertEquals(List.of(20L), balanceLows(account));
    }

    void runHours(int first, int last) {
        for (int hour = first; hour <= last; hour++) {
            Map<String, Object> result = handler.handleRequest(
                    ScheduledEvents.at(T0.plus(Duration.ofHours(hour)), Map.of()), null);
            assertEquals("OK", result.get("status"), result.toString());
        }
    }

    /** The account's BALANCE_LOW outbox messages, oldest first, as their whole hours left (as dispatch prints them). */
    static List<Long> balanceLows(String account) {
        return fixtures.outbox(account).stream()
                .filter(m -> "BALANCE_LOW".equals(m.get("type").s()))
                .sorted((a, b) -> a.get("createdAt").s().compareTo(b.get("createdAt").s()))
                .map(m -> Duration.between(ApiTime.fromStorage(m.get("createdAt").s()),
                        ApiTime.fromStorage(m.get("until").s())).toHours())
                .toList();
    }

}
