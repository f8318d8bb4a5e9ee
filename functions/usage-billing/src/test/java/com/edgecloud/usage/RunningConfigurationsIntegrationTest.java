package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotencyStore;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.metering.ArrearsSettlement;
import com.edgecloud.billing.metering.InstanceDeletion;
import com.edgecloud.billing.payment.AfterRecharge;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.ScheduledEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * G7, issue 19: the hourly run prices an account's forecast from the counts its account item keeps
 * of its running pay-by-configuration instances, so the counts must follow every launch, delete,
 * OVERDUE and resumption, each in its own transaction, through the real services and the real
 * handler against DynamoDB Local; and must hold an instance the run does not bill.
 */
class RunningConfigurationsIntegrationTest extends HourlyRunTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    /** A run 5 minutes after the hour it bills. */
    static final Instant RUN = T0.plus(Duration.ofHours(1)).plusSeconds(300);
    static SettableClock clock;

    @BeforeAll
    static void takeClock() {
        clock = context.getBean(SettableClock.class);
    }

    @AfterAll
    static void resetClock() {
        clock.reset();
    }

    @Test
    void countsFollowLaunchDeleteOverdueAndResumption_G7() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "50.00");
        String[] spec = fixtures.nodeWithHourlyPrice("20.00", 5);
        String key = RunningConfigurations.keyOf(spec[0], spec[1]);

        clock.set(T0);
        List<Instance> launched = launch(account, spec, 3);
        assertCounts(account, Map.of(key, 3L));

        clock.set(T0.plus(Duration.ofMinutes(30)));
        context.getBean(InstanceDeletion.class).delete(account, launched.get(0).id(), null); // final bill 10.00
        assertCounts(account, Map.of(key, 2L));

        runAt(T0.plus(Duration.ofHours(1))); // two bills of 20.00: 40.00 → 0.00
        assertCounts(account, Map.of(key, 2L));
        runAt(T0.plus(Duration.ofHours(2))); // nothing to pay with: both OVERDUE
        assertCounts(account, Map.of());

        fixtures.recharge(account, "20.00");
        clock.set(T0.plus(Duration.ofHours(2)).plusSeconds(60));
        // G5 as a payment's callback runs it: the oldest bill settled, its instance resumed
        assertEquals(1, ((ArrearsSettlement) context.getBean(AfterRecharge.class)).settle(account));
        assertCounts(account, Map.of(key, 1L));
    }

    @Test
    void anInstanceLaunchedAfterTheHourBilledCountsInTheForecast_G7() {
        String account = fixtures.verifiedAccount();
        Instance notDue = oneDueAndOneNotDue(account);

        runAt(RUN); // 100.00 - 2.00 = 98.00; at 2.00 + 3.00 an hour: 19.6 h, under 24 h

        assertEquals(List.of(19L), BalanceLowWarningIntegrationTest.balanceLows(account),
                "the rate counts " + notDue.id() + " too (98.00 at 2.00 alone lasts 49 h: no warning)");
    }

    @Test
    void anAccountWithoutCountsIsForecastFromItsInstances_G7() {
        String account = fixtures.verifiedAccount();
        Instance notDue = oneDueAndOneNotDue(account);
        forgetCounts(account); // as an account created before the counts were kept

        runAt(RUN);

        assertEquals(List.of(19L), BalanceLowWarningIntegrationTest.balanceLows(account),
                "the rate counts " + notDue.id() + " too");
        assertNull(fixtures.account(account).running(), "counts are never started on an account with instances");
    }

    /** 100.00, one instance at 2.00 due at the run, one at 3.00 launched after the hour it bills (not due). */
    private static Instance oneDueAndOneNotDue(String account) {
        fixtures.recharge(account, "100.00");
        fixtures.payByConfiguration(account, fixtures.nodeWithHourlyPrice("2.00", 5), T0);
        return fixtures.payByConfiguration(account, fixtures.nodeWithHourlyPrice("3.00", 5), RUN.minusSeconds(180));
    }

    private static void forgetCounts(String account) {
        fixtures.dynamo.updateItem(u -> u.tableName(fixtures.tables.accounts())
                .key(Map.of("accountId", AttributeValue.fromS(account)))
                .updateExpression("REMOVE runningByConfiguration"));
    }

    private static List<Instance> launch(String account, String[] spec, int quantity) {
        Claim.Acquired claim = (Claim.Acquired) context.getBean(IdempotencyStore.class)
                .claim(account + "#purchase#counts", "hash", Instant.now());
        return context.getBean(PurchaseService.class).purchase(
                new PurchaseRequest(account, spec[0], spec[1], quantity, BillingMethod.PAY_BY_CONFIGURATION, null,
                        PaymentMethod.BALANCE),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}")).plan().instances();
    }

    private static void runAt(Instant at) {
        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(at, Map.of()), null);
        assertEquals("OK", result.get("status"), result.toString());
    }

    /** The account's counts are {@code expected}, and are what its instances say. */
    private static void assertCounts(String account, Map<String, Long> expected) {
        assertEquals(expected, fixtures.account(account).running().bySpec());
        assertEquals(expected, countedFromInstances(account));
    }

    private static Map<String, Long> countedFromInstances(String account) {
        Map<String, Long> counted = new TreeMap<>();
        for (Instance i : fixtures.instances.listByAccount(account, 100, null).items()) {
            if (i.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION && i.billingState() == BillingState.NORMAL) {
                counted.merge(RunningConfigurations.keyOf(i.nodeId(), i.specId()), 1L, Long::sum);
            }
        }
        return counted;
    }
}
