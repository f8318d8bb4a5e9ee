package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.money.Money;
import com.edgecloud.testing.ScheduledEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * G2: each second is priced at the hourly price in effect at that second. Operators change prices
 * through the spec (the admin PUT's service, dated by the business clock) and UsageBillingFunction
 * bills through its real handler against DynamoDB Local.
 */
class PriceChangeBillingIntegrationTest extends HourlyRunTest {

    static final DynamoBillRepository bills = new DynamoBillRepository(fixtures.dynamo, fixtures.tables);
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z"); // 08:00 in Shanghai, an hour boundary

    @Test
    void tenHoursAtTwoThenARiseToTwentyBillsTwentyNotTwoHundred_G2() {
        Server server = launched("1000.00", "2.00", T0);
        run(T0.plus(Duration.ofHours(10)));
        assertEquals(Money.parse("20.00"), sum(billsOf(server)));

        fixtures.changeHourlyPrice(server.spec(), "20.00", T0.plus(Duration.ofHours(10)));
        run(T0.plus(Duration.ofHours(11)));

        List<Bill> issued = billsOf(server);
        assertEquals(11, issued.size());
        assertEquals(Money.parse("20.00"), issued.get(10).amount());
        assertEquals(BillStatus.PAID, issued.get(10).status());
        assertLedgerEqualsBills(server);
    }

    @Test
    void aCutToOneAfterTenHoursBillsOneAndNeverANegativeBill_G2() {
        Server server = launched("1000.00", "2.00", T0);
        run(T0.plus(Duration.ofHours(10)));

        fixtures.changeHourlyPrice(server.spec(), "1.00", T0.plus(Duration.ofHours(10)));
        run(T0.plus(Duration.ofHours(12)));

        List<Bill> issued = billsOf(server);
        assertEquals(12, issued.size());
        assertEquals(Money.parse("1.00"), issued.get(10).amount());
        assertEquals(Money.parse("1.00"), issued.get(11).amount());
        issued.forEach(bill -> assertFalse(bill.amount().isNegative(), bill.toString()));
        assertEquals(Money.parse("22.00"), sum(issued));
        assertLedgerEqualsBills(server);
    }

    @Test
    void aChangeMidHourPricesEachPartOfTheHourAtItsOwnPrice_G2() {
        Server server = launched("1000.00", "2.00", T0);
        run(T0.plus(Duration.ofHours(1)));

        fixtures.changeHourlyPrice(server.spec(), "20.00", T0.plus(Duration.ofMinutes(90)));
        run(T0.plus(Duration.ofHours(2)));

        List<Bill> issued = billsOf(server);
        assertEquals(Money.parse("2.00"), issued.get(0).amount());
        assertEquals(Money.parse("11.00"), issued.get(1).amount(), "30 min at 2.00 + 30 min at 20.00");
        assertLedgerEqualsBills(server);
    }

    @Test
    void twoChangesInOneHourPriceThreeSegments_G2() {
        Server server = launched("1000.00", "2.00", T0);

        fixtures.changeHourlyPrice(server.spec(), "4.00", T0.plus(Duration.ofMinutes(15)));
        fixtures.changeHourlyPrice(server.spec(), "1.00", T0.plus(Duration.ofMinutes(45)));
        run(T0.plus(Duration.ofHours(1)));

        // 15 min at 2.00 + 30 min at 4.00 + 15 min at 1.00
        assertEquals(List.of(Money.parse("2.75")), amounts(billsOf(server)));
        assertLedgerEqualsBills(server);
    }

    @Test
    void aCatchUpRunSpanningAChangePricesEachHourAtItsOwnPrice_G2() {
        Server server = launched("1000.00", "2.00", T0);

        fixtures.changeHourlyPrice(server.spec(), "20.00", T0.plus(Duration.ofHours(3)));
        run(T0.plus(Duration.ofHours(6))); // the first run since launch

        assertEquals(amounts("2.00", "2.00", "2.00", "20.00", "20.00", "20.00"), amounts(billsOf(server)));
        assertLedgerEqualsBills(server);
    }

    @Test
    void oddSecondsAndOddPricesStillSumToTheExactCostRoundedOnce_G2_M1() {
        Instant launch = T0.plusSeconds(7);
        Server server = launched("1000.00", "1.37", launch);
        Instant firstChange = T0.plus(Duration.ofMinutes(80)).plusSeconds(13);
        Instant secondChange = T0.plus(Duration.ofHours(3)).minusSeconds(1);
        Instant end = T0.plus(Duration.ofHours(5));
        fixtures.changeHourlyPrice(server.spec(), "0.03", firstChange);
        fixtures.changeHourlyPrice(server.spec(), "7.77", secondChange);

        for (int hour = 1; hour <= 5; hour++) {
            run(T0.plus(Duration.ofHours(hour)));
        }

        long fenSeconds = 137 * seconds(launch, firstChange) + 3 * seconds(firstChange, secondChange)
                + 777 * seconds(secondChange, end);
        List<Bill> issued = billsOf(server);
        assertEquals(5, issued.size());
        issued.forEach(bill -> assertFalse(bill.amount().isNegative(), bill.toString()));
        assertEquals(Money.ofFen((fenSeconds + 1800) / 3600), sum(issued));
        assertLedgerEqualsBills(server);
    }

    @Test
    void anInstanceMeteredBeforeCostsWereKeptCarriesOnWithoutABillTwiceOrSkipped_G2() {
        Server server = launched("1000.00", "1.37", T0.plusSeconds(7));
        Instant billedUntil = T0.plus(Duration.ofHours(10));
        // As the old metering left it: seconds and rounded fen, no exact cost. 1.37 × 35,993 s = 1369.73 → 1370
        Instance before = fixtures.instance(server.id());
        fixtures.instances.update(before.withMetering(billedUntil, 35_993, null, 1370)
                .withDue(Due.of(Due.Kind.USAGE, server.id(), billedUntil)));

        run(T0.plus(Duration.ofHours(11)));

        List<Bill> issued = billsOf(server);
        assertEquals(1, issued.size());
        assertEquals(billedUntil, issued.get(0).periodStart(), "starts where the old metering stopped");
        // 1.37 × 39,593 s = 1506.73 → 1507; minus 1370 billed: the hour's 1.37, the rounding still cumulative
        assertEquals(Money.parse("1.37"), issued.get(0).amount());
        assertEquals(137L * 39_593, fixtures.instance(server.id()).meteredFenSeconds());
    }

    @Test
    void anInstanceWhosePriceChangedUnderTheOldMeteringBillsItsNextHourAtTheNewPrice_G2() {
        Server server = launched("1000.00", "20.00", T0);
        Instant billedUntil = T0.plus(Duration.ofHours(10));
        // Ten hours billed at 2.00 (20.00) before the operator's change to 20.00 was metered the old way.
        Instance before = fixtures.instance(server.id());
        fixtures.instances.update(before.withMetering(billedUntil, 36_000, null, 2000)
                .withDue(Due.of(Due.Kind.USAGE, server.id(), billedUntil)));

        run(T0.plus(Duration.ofHours(11)));

        assertEquals(List.of(Money.parse("20.00")), amounts(billsOf(server)));
    }

    /** A verified account with {@code balance} and one pay-by-configuration server at {@code price}. */
    record Server(String account, String[] spec, String id) {
    }

    static Server launched(String balance, String price, Instant launch) {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, balance);
        String[] spec = fixtures.nodeWithHourlyPrice(price, 5);
        return new Server(account, spec, fixtures.payByConfiguration(account, spec, launch).id());
    }

    static void run(Instant time) {
        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(time, Map.of()), null);
        assertEquals("OK", result.get("status"), result.toString());
    }

    static List<Bill> billsOf(Server server) {
        return bills.listByInstance(server.id(), 1000, null).items();
    }

    static Money sum(List<Bill> issued) {
        return Money.sum(amounts(issued));
    }

    static List<Money> amounts(List<Bill> issued) {
        return issued.stream().map(Bill::amount).toList();
    }

    static List<Money> amounts(String... amounts) {
        return List.of(amounts).stream().map(Money::parse).toList();
    }

    static long seconds(Instant from, Instant until) {
        return Duration.between(from, until).getSeconds();
    }

    /** A4: the ledger's USAGE_BILL entries of the server are exactly its paid, non-zero bills. */
    static void assertLedgerEqualsBills(Server server) {
        List<Money> entries = new ArrayList<>();
        for (Map<String, AttributeValue> entry : fixtures.ledger(server.account())) {
            if ("USAGE_BILL".equals(entry.get("type").s()) && server.id().equals(entry.get("instanceId").s())) {
                entries.add(Money.ofFen(-(Long.parseLong(entry.get("cashFen").n())
                        + Long.parseLong(entry.get("couponFen").n()))));
            }
        }
        List<Money> paid = billsOf(server).stream()
                .filter(bill -> bill.status() == BillStatus.PAID && bill.amount().isPositive())
                .map(Bill::amount).toList();
        assertEquals(paid.stream().sorted().toList(), entries.stream().sorted().toList());
        assertEquals(Money.ZERO.minus(sum(billsOf(server))),
                fixtures.account(server.account()).wallet().cash().minus(Money.parse("1000.00")));
    }
}
