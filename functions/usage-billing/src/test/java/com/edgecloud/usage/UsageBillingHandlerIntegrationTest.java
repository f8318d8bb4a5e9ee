package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.dynamodb.DynamoLifecycleStore;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.metering.LowBalanceWarning;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.WalletChange;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.testing.SampleEvents;
import com.edgecloud.testing.ScheduledEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** UsageBillingFunction through its real handler, replaying scheduled events' times (T2). */
class UsageBillingHandlerIntegrationTest extends HourlyRunTest {

    static final DynamoBillRepository bills = new DynamoBillRepository(fixtures.dynamo, fixtures.tables);

    static Map<String, Object> event(Instant time) {
        return ScheduledEvents.at(time, Map.of());
    }

    static Map<String, Object> run(Instant time) {
        Map<String, Object> result = handler.handleRequest(event(time), null);
        assertEquals("OK", result.get("status"), result.toString());
        return result;
    }

    static List<Bill> billsOf(String instanceId) {
        return bills.listByInstance(instanceId, 100_000, null).items();
    }

    @Test
    void noDriftOver1000HoursAndALateRunBillsEachMissedHourInOrder_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "2000.00");
        String[] spec = fixtures.nodeWithHourlyPrice("1.37", 5);
        Instant launch = Instant.parse("2026-02-28T16:00:07Z"); // 00:00:07 in Shanghai
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        Instant end = Instant.parse("2026-02-28T16:00:00Z").plus(Duration.ofHours(1000));

        run(end);

        List<Bill> issued = billsOf(instance.id());
        assertEquals(1000, issued.size());
        assertEquals(3593, issued.get(0).seconds());
        Instant expectedStart = launch;
        long seconds = 0;
        Money sum = Money.ZERO;
        for (Bill bill : issued) {
            assertEquals(expectedStart, bill.periodStart(), "bills follow each other in order");
            assertEquals(BillStatus.PAID, bill.status());
            expectedStart = bill.periodEnd();
            seconds += bill.seconds();
            sum = sum.plus(bill.amount());
        }
        assertEquals(1000L * 3600 - 7, seconds);
        // 1.37 × 3,599,993 / 3600 = 1369.997..., rounded once: 1370.00
        assertEquals(Money.ofFen(UsageMeter.exactCostFen(Money.parse("1.37"), seconds)), sum);
        assertEquals(Money.parse("1370.00"), sum);
        assertEquals(Money.parse("630.00"), fixtures.account(account).wallet().cash());
        Instance after = fixtures.instance(instance.id());
        assertEquals(end, after.billedUntil());
        assertEquals(new Due(after.due().bucket(), end.plus(Duration.ofHours(1))), after.due());
    }

    @Test
    void hourlyRunsBillOnlyEndedHoursAndNoSecondBillForTheSameHour_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-03-01T02:30:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        Instant hourEnd = Instant.parse("2026-03-01T03:00:00Z");

        run(hourEnd.minusSeconds(1));
        assertEquals(0, billsOf(instance.id()).size());
        run(hourEnd);
        run(hourEnd);
        run(hourEnd.plusSeconds(1));
        List<Bill> issued = billsOf(instance.id());
        assertEquals(1, issued.size());
        assertEquals(1800, issued.get(0).seconds());
        assertEquals(Money.parse("1.00"), issued.get(0).amount());
        assertEquals(1, fixtures.ledger(account).stream().filter(e -> "USAGE_BILL".equals(e.get("type").s())).count());
    }

    @Test
    void unpaidBillMakesInstanceOverdueFromItsHourEndAndSuspendsMetering_G3_G4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "3.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-04-01T00:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        Instant secondHourEnd = launch.plus(Duration.ofHours(2));

        run(secondHourEnd.plus(Duration.ofMinutes(40))); // late: G3 overdueSince is the hour end anyway

        List<Bill> issued = billsOf(instance.id());
        assertEquals(2, issued.size());
        assertEquals(BillStatus.PAID, issued.get(0).status());
        assertEquals(BillStatus.UNPAID, issued.get(1).status());
        assertEquals(Money.parse("2.00"), issued.get(1).amount(), "unpaid in full");
        assertEquals(Money.parse("1.00"), fixtures.account(account).wallet().cash(), "nothing of the unpaid bill taken");
        Instance after = fixtures.instance(instance.id());
        assertEquals(BillingState.OVERDUE, after.billingState());
        assertEquals(secondHourEnd, after.overdueSince());
        assertEquals(secondHourEnd.plus(Duration.ofDays(7)), after.releaseAt());
        assertTrue(after.due().bucket().startsWith("EXPIRY#"), "G4: release is due, no more bills");
        assertEquals(secondHourEnd.plus(Duration.ofDays(7)), after.due().at());
        assertEquals(List.of(issued.get(1)), bills.unpaidByAccount(account));
        assertEquals(Money.parse("2.00"), bills.arrears(account));
        assertEquals(1, fixtures.outbox(account).stream().filter(m -> "OVERDUE".equals(m.get("type").s())).count());

        run(secondHourEnd.plus(Duration.ofHours(5)));
        assertEquals(2, billsOf(instance.id()).size(), "G4: no bill accrues while overdue");
    }

    @Test
    void overdueIsOfTheInstanceNotTheAccount_G4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "3.00");
        String[] cheap = fixtures.nodeWithHourlyPrice("1.00", 5);
        String[] dear = fixtures.nodeWithHourlyPrice("5.00", 5);
        Instant launch = Instant.parse("2026-04-02T00:00:00Z");
        Instance small = fixtures.payByConfiguration(account, cheap, launch);
        Instance big = fixtures.payByConfiguration(account, dear, launch);

        run(launch.plus(Duration.ofHours(1)));

        assertEquals(BillingState.NORMAL, fixtures.instance(small.id()).billingState());
        assertEquals(BillingState.OVERDUE, fixtures.instance(big.id()).billingState());
    }

    @Test
    void couponsPayFirstAndCashTheRest_G3_A3() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "10.00");
        fixtures.coupon(account, "0.50", Instant.parse("2030-01-01T00:00:00Z"));
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-05-01T00:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);

        run(launch.plus(Duration.ofHours(1)));

        assertEquals(BillStatus.PAID, billsOf(instance.id()).get(0).status());
        Map<String, AttributeValue> entry = fixtures.ledger(account).stream()
                .filter(e -> "USAGE_BILL".equals(e.get("type").s())).findFirst().orElseThrow();
        assertEquals(Money.parse("8.50"), fixtures.account(account).wallet().cash());
        assertEquals(Money.ZERO, fixtures.account(account).wallet().couponBalance(launch));
        assertEquals(instance.id(), entry.get("instanceId").s());
    }

    @Test
    void hundredServersOfOneAccountAreBilledInOneRun_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 200);
        Instant launch = Instant.parse("2026-06-01T00:00:00Z");
        List<Instance> servers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            servers.add(fixtures.payByConfiguration(account, spec, launch));
        }

        Map<String, Object> result = run(launch.plus(Duration.ofHours(1)));

        assertEquals(100, result.get("bills"));
        assertEquals(100, result.get("paid"));
        for (Instance server : servers) {
            assertEquals(1, billsOf(server.id()).size());
        }
        assertEquals(Money.parse("800.00"), fixtures.account(account).wallet().cash());
        assertEquals(100, fixtures.ledger(account).stream().filter(e -> "USAGE_BILL".equals(e.get("type").s())).count());
        assertTrue((int) result.get("transactions") < 100, "paid together, a few transactions of ≤ 100 items");
    }

    @Test
    void crashBetweenTransactionsThenRerunEndsAsOneRun_G2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 200);
        Instant launch = Instant.parse("2026-07-01T00:00:00Z");
        List<Instance> servers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            servers.add(fixtures.payByConfiguration(account, spec, launch));
        }
        Instant now = launch.plus(Duration.ofHours(2));
        LifecycleStore real = context.getBean(LifecycleStore.class);
        AtomicInteger commits = new AtomicInteger();
        LifecycleStore crashing = new LifecycleStore() {
            @Override
            public Page<Instance> due(String bucket, Instant at, int limit, String token) {
                return real.due(bucket, at, limit, token);
            }

            @Override
            public void commit(List<LifecycleChange> changes, WalletChange wallet,
                               IdempotentCompletion answer,
                               OperationRecord operation) {
                if (commits.incrementAndGet() == 2) {
                    throw new IllegalStateException("injected crash after the first transaction");
                }
                real.commit(changes, wallet, answer, operation);
            }
        };
        UsageBilling failing = new UsageBilling(context.getBean(WalletMovements.class),
                context.getBean(InstanceRepository.class), context.getBean(CatalogRepository.class), crashing,
                context.getBean(UsageMeter.class), context.getBean(LowBalanceWarning.class));
        try {
            failing.run(UsageBilling.allBuckets(), now, () -> true);
        } catch (IllegalStateException expected) {
            // the run died part-way
        }

        run(now);
        run(now); // and once more: nothing left to do

        for (Instance server : servers) {
            assertEquals(2, billsOf(server.id()).size());
        }
        assertEquals(Money.parse("760.00"), fixtures.account(account).wallet().cash());
        assertEquals(120, fixtures.ledger(account).stream().filter(e -> "USAGE_BILL".equals(e.get("type").s())).count());
    }

    @Test
    void twoConcurrentRunsEndAsOneRun_G2() throws Exception {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 200);
        Instant launch = Instant.parse("2026-08-01T00:00:00Z");
        List<Instance> servers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            servers.add(fixtures.payByConfiguration(account, spec, launch));
        }
        Instant now = launch.plus(Duration.ofHours(3));

        CompletableFuture<Map<String, Object>> a = CompletableFuture.supplyAsync(() -> run(now));
        CompletableFuture<Map<String, Object>> b = CompletableFuture.supplyAsync(() -> run(now));
        int issued = (int) a.get().get("bills") + (int) b.get().get("bills");

        assertEquals(90, issued, "each hour's bill issued by exactly one of the runs");
        for (Instance server : servers) {
            assertEquals(3, billsOf(server.id()).size());
        }
        assertEquals(Money.parse("820.00"), fixtures.account(account).wallet().cash());
        assertEquals(90, fixtures.ledger(account).stream().filter(e -> "USAGE_BILL".equals(e.get("type").s())).count());
        assertEquals(1, fixtures.outbox(account).stream().filter(m -> "BALANCE_LOW".equals(m.get("type").s())).count(),
                "G7: 820.00 covers less than 24 h at 60.00 an hour: one warning, however the runs race");
    }

    @Test
    void badScheduledEventsAreAnsweredWithoutTouchingAnything_T2() throws Exception {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instance instance = fixtures.payByConfiguration(account, spec, Instant.parse("2026-09-01T00:00:00Z"));

        Map<String, Object> noTime = new LinkedHashMap<>(event(Instant.parse("2026-09-02T00:00:00Z")));
        noTime.remove("time");
        Map<String, Object> garbageTime = new LinkedHashMap<>(noTime);
        garbageTime.put("time", "yesterday-ish");
        Map<String, Object> garbageDetail = new LinkedHashMap<>(event(Instant.parse("2026-09-02T00:00:00Z")));
        garbageDetail.put("detail", "{not json");
        Map<String, Object> unknownBucket = new LinkedHashMap<>(event(Instant.parse("2026-09-02T00:00:00Z")));
        unknownBucket.put("detail", Map.of("buckets", List.of("USAGE#99")));
        for (Map<String, Object> bad : List.of(noTime, garbageTime, garbageDetail, unknownBucket)) {
            assertEquals("REJECTED", handler.handleRequest(bad, null).get("status"));
        }
        assertEquals("REJECTED", handler.handleRequest(null, null).get("status"));

        assertEquals(0, billsOf(instance.id()).size());
        assertEquals(instance.version(), fixtures.instance(instance.id()).version());
    }

    @Test
    void detailNamesTheBucketsAsAnObjectOrAJsonString_T2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-10-01T00:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        String bucket = instance.due().bucket();
        String other = bucket.equals("USAGE#0") ? "USAGE#1" : "USAGE#0";
        Map<String, Object> elsewhere = new LinkedHashMap<>(event(launch.plus(Duration.ofHours(1))));
        elsewhere.put("detail", "{\"buckets\":[\"" + other + "\"]}");
        assertEquals("OK", handler.handleRequest(elsewhere, null).get("status"));
        assertEquals(0, billsOf(instance.id()).size());

        Map<String, Object> here = new LinkedHashMap<>(event(launch.plus(Duration.ofHours(1))));
        here.put("detail", Map.of("buckets", List.of(bucket)));
        assertEquals("OK", handler.handleRequest(here, null).get("status"));
        assertEquals(1, billsOf(instance.id()).size());
    }

    @Test
    void theSampleEventIsAScheduledEventEnvelope_T2() throws Exception {
        String json = SampleEvents.read("usage-billing.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = new ObjectMapper().readValue(json, Map.class);
        Map<String, Object> result = handler.handleRequest(event, null);
        assertEquals("OK", result.get("status"));
        assertEquals("2016-01-01T08:00:00Z", result.get("now"));
        assertNull(result.get("error"));
    }
}
