package com.edgecloud.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchasePlan;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.purchase.PurchaseStore;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.SampleEvents;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ExpirySweepFunction through its real handler, replaying scheduled events' times (T2). */
class ExpirySweepHandlerIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static ExpirySweepHandler handler;
    static ApplicationContext context;
    /** A term bought 2026-01-01 15:00 +08:00 for 3 months: expires 2026-04-01 23:59:59 +08:00 (P3). */
    static final Instant BOUGHT = Instant.parse("2026-01-01T07:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-04-01T15:59:59Z");

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of());
        handler = new ExpirySweepHandler(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @BeforeEach
    void onlyThisTestsInstancesAreDue() {
        fixtures.clearDue();
    }

    static Map<String, Object> run(Instant time) {
        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(time, "{}"), null);
        assertEquals("OK", result.get("status"), result.toString());
        return result;
    }

    static List<Map<String, AttributeValue>> messages(String account, String type) {
        return fixtures.outbox(account).stream().filter(m -> type.equals(m.get("type").s())).toList();
    }

    static List<Integer> warningsSent(String account) {
        return messages(account, "EXPIRY_WARNING").stream()
                .map(m -> Integer.valueOf(m.get("daysBefore").n())).sorted().toList();
    }

    Instance monthly(String account) {
        return fixtures.monthly(account, fixtures.nodeWithHourlyPrice("2.00", 5), BOUGHT, EXPIRES);
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 15, 7, 3, 1})
    void eachWarningIsSentAtItsPointNotASecondBeforeAndOnce_E4(int days) {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        Instant point = EXPIRES.minus(Duration.ofDays(days));
        // bring the instance to this warning's point: every earlier warning handled
        fixtures.instances.update(instance.withDue(Due.of(Due.Kind.EXPIRY, instance.id(), point)));

        run(point.minusSeconds(1));
        assertEquals(List.of(), warningsSent(account));
        run(point);
        assertEquals(List.of(days), warningsSent(account));
        run(point.plusSeconds(1));
        assertEquals(List.of(days), warningsSent(account), "at most once per term");
    }

    @Test
    void allWarningsOfATermAreSentInTurn_E4() {
        String account = fixtures.verifiedAccount();
        monthly(account);
        for (int days : List.of(30, 15, 7, 3, 1)) {
            run(EXPIRES.minus(Duration.ofDays(days)).plusSeconds(1));
        }
        assertEquals(List.of(1, 3, 7, 15, 30), warningsSent(account));
    }

    @Test
    void lateSweepSendsOnlyMostUrgent_E4() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        run(EXPIRES.minus(Duration.ofDays(2))); // 30, 15, 7 and 3 are all due: only 3 goes out
        assertEquals(List.of(3), warningsSent(account));
        assertEquals(EXPIRES.minus(Duration.ofDays(1)), fixtures.instance(instance.id()).due().at());
        run(EXPIRES.minus(Duration.ofDays(1)));
        assertEquals(List.of(1, 3), warningsSent(account));
    }

    @Test
    void warningsBeforeTheTermWasBoughtAreSkipped_E4() {
        String account = fixtures.verifiedAccount();
        Instant bought = EXPIRES.minus(Duration.ofDays(10)); // a short term: 30 and 15 fall before it
        fixtures.monthly(account, fixtures.nodeWithHourlyPrice("2.00", 5), bought, EXPIRES);
        run(EXPIRES.minus(Duration.ofDays(7)));
        assertEquals(List.of(7), warningsSent(account));
    }

    @Test
    void expiryAtExpiresAtKeepsTheServerRunning_E3() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        fixtures.instances.update(instance.withDue(Due.of(Due.Kind.EXPIRY, instance.id(), EXPIRES)));

        run(EXPIRES.minusSeconds(1));
        assertEquals(BillingState.NORMAL, fixtures.instance(instance.id()).billingState());
        run(EXPIRES);
        Instance expired = fixtures.instance(instance.id());
        assertEquals(BillingState.EXPIRED, expired.billingState());
        assertEquals(PowerState.RUNNING, expired.powerState());
        assertEquals(EXPIRES.plus(Duration.ofDays(7)), expired.releaseAt());
        assertEquals(1, messages(account, "EXPIRED").size());
        assertEquals(List.of(), warningsSent(account), "E4: at expiry no warning is sent late");
    }

    @Test
    void releaseSevenDaysAfterExpiryStopsReleasesAndReturnsStock_E3_E5() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instance instance = fixtures.monthly(account, spec, BOUGHT, EXPIRES);
        run(EXPIRES);
        Instant releaseAt = EXPIRES.plus(Duration.ofDays(7));

        run(releaseAt.minusSeconds(1));
        assertEquals(BillingState.EXPIRED, fixtures.instance(instance.id()).billingState());
        // Other tests' servers may be released by the same run: at least this one is counted.
        assertTrue(((Number) run(releaseAt).get("released")).intValue() >= 1, "the Releases metric's count");
        Instance released = fixtures.instance(instance.id());
        assertEquals(BillingState.RELEASED, released.billingState());
        assertEquals(PowerState.STOPPED, released.powerState());
        assertNull(released.due());
        assertEquals(6, fixtures.stock(spec[0], spec[1]));
        assertEquals(1, messages(account, "SERVER_STOPPED").size());
        assertEquals(1, messages(account, "SERVER_RELEASED").size());

        run(releaseAt.plus(Duration.ofDays(1)));
        assertEquals(6, fixtures.stock(spec[0], spec[1]), "returned once");
    }

    @Test
    void overdueInstanceIsReleasedSevenDaysAfterOverdueSince_E3() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant launch = Instant.parse("2026-05-01T00:00:00Z");
        Instance instance = fixtures.payByConfiguration(account, spec, launch);
        Instant overdueSince = launch.plus(Duration.ofHours(3));
        Instant releaseAt = overdueSince.plus(Duration.ofDays(7));
        fixtures.instances.update(instance.withState(BillingState.OVERDUE, overdueSince, releaseAt,
                Due.of(Due.Kind.EXPIRY, instance.id(), releaseAt)));

        run(releaseAt.minusSeconds(1));
        assertEquals(BillingState.OVERDUE, fixtures.instance(instance.id()).billingState());
        run(releaseAt);
        Instance released = fixtures.instance(instance.id());
        assertEquals(BillingState.RELEASED, released.billingState());
        assertEquals(PowerState.STOPPED, released.powerState());
        assertEquals(6, fixtures.stock(spec[0], spec[1]));
        assertEquals(1, messages(account, "SERVER_STOPPED").size());
        assertEquals(1, messages(account, "SERVER_RELEASED").size());
    }

    @Test
    void aSweepLaterThanRetentionExpiresAndReleasesInOneRun_E3() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        run(EXPIRES.plus(Duration.ofDays(8)));
        assertEquals(BillingState.RELEASED, fixtures.instance(instance.id()).billingState());
        assertEquals(1, messages(account, "EXPIRED").size());
        assertEquals(List.of(), warningsSent(account));
    }

    @Test
    void twoConcurrentSweepsAndARerunEndAsOneSweep_E4_E5() throws Exception {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 50);
        for (int i = 0; i < 20; i++) {
            fixtures.monthly(account, spec, BOUGHT, EXPIRES);
        }
        Instant at = EXPIRES.plus(Duration.ofDays(7));
        CompletableFuture<Map<String, Object>> a = CompletableFuture.supplyAsync(() -> run(at));
        CompletableFuture<Map<String, Object>> b = CompletableFuture.supplyAsync(() -> run(at));
        a.get();
        b.get();
        run(at);

        assertEquals(20, messages(account, "EXPIRED").size());
        assertEquals(20, messages(account, "SERVER_STOPPED").size());
        assertEquals(20, messages(account, "SERVER_RELEASED").size());
        assertEquals(70, fixtures.stock(spec[0], spec[1]));
    }

    @Test
    void badScheduledEventsAreAnsweredWithoutTouchingAnything_T2() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        Map<String, Object> noTime = new LinkedHashMap<>(Map.of("source", "aws.events", "detail", Map.of()));
        Map<String, Object> garbage = new LinkedHashMap<>(Map.of("time", 42, "detail", "[[["));
        for (Map<String, Object> bad : List.of(noTime, garbage)) {
            Map<String, Object> result = handler.handleRequest(bad, null);
            assertEquals("REJECTED", result.get("status"));
        }
        assertEquals(instance.version(), fixtures.instance(instance.id()).version());
        assertEquals(List.of(), fixtures.outbox(account));
    }

    @Test
    void theSampleEventRuns_T2() throws Exception {
        String json = SampleEvents.read("expiry-sweep.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> event = new ObjectMapper().readValue(json, Map.class);
        assertEquals("OK", handler.handleRequest(event, null).get("status"));
    }

    @Test
    void aPaidOrderLeftShortByACrashIsCompletedByTheSweepChargedOnce_P2() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100000.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 100);
        Instant paidAt = Instant.parse("2026-06-01T02:00:00Z");
        var idempotency = context.getBean(DynamoIdempotencyStore.class);
        var real = new DynamoPurchaseStore(fixtures.dynamo, fixtures.tables,
                fixtures.catalog, idempotency);
        var crashing = new PurchaseStore() {
            @Override
            public int commit(PurchasePlan plan,
                              IdempotentCompletion completion) {
                return real.commit(plan, completion);
            }

            @Override
            public void materialize(Order order, List<Instance> instances) {
                throw new IllegalStateException("injected crash after the commit");
            }

            @Override
            public Optional<Order> findOrder(String orderId) {
                return real.findOrder(orderId);
            }

            @Override
            public List<String> incompleteOrders(String bucket, Instant now, int limit) {
                return real.incompleteOrders(bucket, now, limit);
            }
        };
        var purchases = new PurchaseService(
                context.getBean(WalletMovements.class), fixtures.catalog, crashing,
                context.getBean(ExpiryCalendar.class),
                Money.parse("50.00"), Clock.fixed(paidAt, ZoneOffset.UTC));
        var claim = (Claim.Acquired) idempotency.claim(account + "#purchase#k", "h",
                Instant.now());
        try {
            purchases.purchase(new PurchaseRequest(account, spec[0], spec[1], 100,
                            BillingMethod.MONTHLY_PACKAGE,
                            TermDuration.months(1),
                            PaymentMethod.BALANCE),
                    plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}"));
        } catch (IllegalStateException expected) {
            // the function died between the commit and the rest of the instances
        }
        int written = fixtures.snapshot(account, spec[0], spec[1]).instances().size();
        Assertions.assertTrue(written < 100, "the crash left the order short: " + written);

        Map<String, Object> result = run(paidAt.plusSeconds(1));
        run(paidAt.plusSeconds(2));

        assertEquals(1, result.get("ordersCompleted"));
        assertEquals(100, fixtures.snapshot(account, spec[0], spec[1]).instances().size());
        assertEquals(Money.ZERO, fixtures.account(account).wallet().cash(), "charged once");
        assertEquals(2, fixtures.ledger(account).size(), "the recharge and the one order charge");
        assertEquals(0, fixtures.stock(spec[0], spec[1]));
        for (String bucket : Due.buckets(Due.Kind.ORDER)) {
            assertEquals(List.of(), real.incompleteOrders(bucket, paidAt.plusSeconds(3), 100));
        }
    }

    @Test
    void aThirdPartyOrderUnpaidForThirtyMinutesIsCancelledWithItsStockBack_P2() {
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 5);
        Instant placed = Instant.parse("2026-07-01T02:00:00Z");
        context.getBean(SettableClock.class).set(placed);
        var idempotency = context.getBean(DynamoIdempotencyStore.class);
        var claim = (Claim.Acquired) idempotency.claim(account + "#purchase#tp", "h",
                Instant.now());
        String orderId = context.getBean(PurchaseService.class).purchase(
                new PurchaseRequest(account, spec[0], spec[1], 1,
                        BillingMethod.MONTHLY_PACKAGE,
                        TermDuration.months(1),
                        PaymentMethod.THIRD_PARTY),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 202, "{}"))
                .plan().order().id();
        context.getBean(SettableClock.class).reset();
        assertEquals(4, fixtures.stock(spec[0], spec[1]), "held for the payment");

        assertEquals(0, run(placed.plusSeconds(30 * 60 - 1)).get("ordersCancelled"));
        assertEquals(4, fixtures.stock(spec[0], spec[1]));
        assertEquals(1, run(placed.plusSeconds(30 * 60)).get("ordersCancelled"));
        assertEquals(0, run(placed.plusSeconds(30 * 60 + 1)).get("ordersCancelled"), "cancelled once");

        assertEquals(5, fixtures.stock(spec[0], spec[1]));
        var order = context.getBean(PurchaseService.class).findOrder(orderId).orElseThrow();
        assertEquals(OrderStatus.CANCELLED, order.status());
    }
}
