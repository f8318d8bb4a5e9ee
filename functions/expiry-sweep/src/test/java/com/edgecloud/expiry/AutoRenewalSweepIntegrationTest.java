package com.edgecloud.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.dynamodb.DynamoOperationRepository;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.renewal.AutoRenewalSettings;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R4 through ExpirySweepFunction's real handler on DynamoDB Local, replaying scheduled events' times
 * (T2); the owner's setting through the service the PUT route calls, at the function's clock.
 */
class AutoRenewalSweepIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static final DynamoOperationRepository operations = new DynamoOperationRepository(fixtures.dynamo, fixtures.tables);
    static ExpirySweepHandler handler;
    static ApplicationContext context;
    /** A term bought 2026-01-01 15:00 +08:00 for 3 months: expires 2026-04-01 23:59:59 +08:00 (P3). */
    static final Instant BOUGHT = Instant.parse("2026-01-01T07:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-04-01T15:59:59Z");
    /** R4: 72 hours before expiry. */
    static final Instant RENEWAL_POINT = EXPIRES.minus(Duration.ofHours(72));
    /** R2: renewed for 1 month, the term starts 2026-04-02 00:00 and expires 2026-05-02 23:59:59 +08:00. */
    static final Instant RENEWED_EXPIRY = Instant.parse("2026-05-02T15:59:59Z");

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of());
        handler = new ExpirySweepHandler(context);
    }

    @AfterAll
    static void stop() {
        fixtures.clearDue(); // the module's other classes replay far-off instants too
        handler.close();
    }

    @BeforeEach
    void onlyThisTestsInstancesAreDue() {
        fixtures.clearDue();
    }

    static void run(Instant time) {
        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(time, "{}"), null);
        assertEquals("OK", result.get("status"), result.toString());
    }

    /** A monthly package (1000.00 a month) whose earlier warnings were handled: next due at the 3-day point. */
    static Instance monthly(String account) {
        Instance bought = fixtures.monthly(account, fixtures.nodeWithHourlyPrice("2.00", 5), BOUGHT, EXPIRES);
        return fixtures.instances.update(bought.withDue(Due.of(Due.Kind.EXPIRY, bought.id(), RENEWAL_POINT)));
    }

    /** The owner turns auto-renewal on (1 month) at {@code at}, as PUT /instances/{id}/auto-renewal does. */
    static void enable(Instance i, Instant at) {
        context.getBean(SettableClock.class).set(at);
        context.getBean(AutoRenewalSettings.class).set(i.accountId(), i.id(), true, TermDuration.months(1));
    }

    static void disable(Instance i, Instant at) {
        context.getBean(SettableClock.class).set(at);
        context.getBean(AutoRenewalSettings.class).set(i.accountId(), i.id(), false, null);
    }

    static int messages(String account, String type) {
        return (int) fixtures.outbox(account).stream().filter(m -> type.equals(m.get("type").s())).count();
    }

    static int renewalCharges(String account) {
        return (int) fixtures.ledger(account).stream().filter(e -> "RENEWAL_CHARGE".equals(e.get("type").s())).count();
    }

    static List<OperationRecord> renewals(Instance i) {
        return operations.list(i.id(), 100, null).items().stream()
                .filter(o -> o.operation() == InstanceOperation.RENEW).toList();
    }

    @Test
    void renewsAt72HoursBeforeExpiryAndNotOneSecondEarlier_R4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000.00");
        Instance instance = monthly(account);
        enable(instance, BOUGHT.plus(Duration.ofDays(1)));

        run(RENEWAL_POINT.minusSeconds(1));
        assertEquals(EXPIRES, fixtures.instance(instance.id()).expiresAt());
        assertEquals(0, renewalCharges(account));

        run(RENEWAL_POINT);
        Instance renewed = fixtures.instance(instance.id());
        assertEquals(RENEWED_EXPIRY, renewed.expiresAt(), "R2: chained to the old expiry");
        assertEquals(BillingState.NORMAL, renewed.billingState());
        assertTrue(renewed.autoRenewal().enabled(), "R4: stays on for the next term");
        assertEquals(Money.ZERO, fixtures.account(account).wallet().cash(), "charged a month's price, 1000.00");
        assertEquals(1, renewalCharges(account));
        List<OperationRecord> history = renewals(instance);
        assertEquals(1, history.size());
        assertEquals("system", history.get(0).by());
        assertEquals(1, messages(account, "AUTO_RENEWED"));
        assertEquals(0, messages(account, "EXPIRY_WARNING"), "E4: the old term's warnings end with it");

        run(RENEWAL_POINT.plusSeconds(1));
        run(EXPIRES);
        assertEquals(RENEWED_EXPIRY, fixtures.instance(instance.id()).expiresAt(), "renewed once per term");
        assertEquals(1, renewalCharges(account));
        assertEquals(BillingState.NORMAL, fixtures.instance(instance.id()).billingState());
    }

    @Test
    void twoSweepsRacingRenewEachTermOnce_R4() throws Exception {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100000.00");
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instance instance = monthly(account);
            enable(instance, BOUGHT);
            instances.add(instance);
        }
        Instant at = RENEWAL_POINT.plusSeconds(60);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> run(at));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> run(at));
        a.get();
        b.get();
        run(at);

        for (Instance instance : instances) {
            assertEquals(RENEWED_EXPIRY, fixtures.instance(instance.id()).expiresAt(), instance.id());
            assertEquals(1, renewals(instance).size(), instance.id());
        }
        assertEquals(10, renewalCharges(account));
        assertEquals(10, messages(account, "AUTO_RENEWED"));
        assertEquals(Money.parse("90000.00"), fixtures.account(account).wallet().cash());
    }

    @Test
    void shortBalanceIsToldOnceThenRenewedAfterARechargeBeforeExpiry_R4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "999.99");
        Instance instance = monthly(account);
        enable(instance, BOUGHT);

        run(RENEWAL_POINT);
        assertEquals(EXPIRES, fixtures.instance(instance.id()).expiresAt());
        assertEquals(1, messages(account, "AUTO_RENEWAL_FAILED"));
        assertEquals(1, messages(account, "EXPIRY_WARNING"), "E4: the 3-day warning goes out as ever");
        run(RENEWAL_POINT.plus(Duration.ofMinutes(5)));
        run(RENEWAL_POINT.plus(Duration.ofHours(1)));
        assertEquals(1, messages(account, "AUTO_RENEWAL_FAILED"), "once per term");
        assertEquals(0, renewalCharges(account));

        fixtures.recharge(account, "0.01");
        run(RENEWAL_POINT.plus(Duration.ofHours(2)));
        assertEquals(RENEWED_EXPIRY, fixtures.instance(instance.id()).expiresAt());
        assertEquals(1, renewalCharges(account));
        assertEquals(1, messages(account, "AUTO_RENEWED"));
        assertEquals(1, messages(account, "AUTO_RENEWAL_FAILED"));
        assertEquals(Money.ZERO, fixtures.account(account).wallet().cash());
    }

    @Test
    void theLastWarningStillGoesOutWhileRetrying_R4_E4() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        enable(instance, BOUGHT);

        run(RENEWAL_POINT);
        run(EXPIRES.minus(Duration.ofDays(1)).minusSeconds(1));
        assertEquals(1, messages(account, "EXPIRY_WARNING"));
        run(EXPIRES.minus(Duration.ofDays(1)));
        assertEquals(2, messages(account, "EXPIRY_WARNING"), "E4: the 1-day warning at its point");
        assertEquals(1, messages(account, "AUTO_RENEWAL_FAILED"));
    }

    @Test
    void noAutoRenewalFromExpiryOn_R4() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        enable(instance, BOUGHT);
        run(RENEWAL_POINT); // short: told, retried until expiry

        fixtures.recharge(account, "5000.00");
        run(EXPIRES);
        Instance expired = fixtures.instance(instance.id());
        assertEquals(BillingState.EXPIRED, expired.billingState(), "E3: expired, not renewed");
        assertEquals(EXPIRES, expired.expiresAt());
        run(EXPIRES.plus(Duration.ofDays(1)));
        assertEquals(0, renewalCharges(account));
        assertEquals(Money.parse("5000.00"), fixtures.account(account).wallet().cash());
        assertEquals(0, messages(account, "AUTO_RENEWED"));
    }

    @Test
    void aSweepFirstRunAfterExpiryDoesNotRenew_R4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "5000.00");
        Instance instance = monthly(account);
        enable(instance, BOUGHT);

        run(EXPIRES);
        assertEquals(BillingState.EXPIRED, fixtures.instance(instance.id()).billingState());
        assertEquals(0, renewalCharges(account));
    }

    @Test
    void disabledRenewsNothing_R4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "5000.00");
        Instance instance = monthly(account);
        enable(instance, BOUGHT);
        disable(instance, BOUGHT.plus(Duration.ofDays(2)));

        run(RENEWAL_POINT);
        run(EXPIRES.minusSeconds(1));
        run(EXPIRES);
        assertEquals(BillingState.EXPIRED, fixtures.instance(instance.id()).billingState());
        assertEquals(0, renewalCharges(account));
        assertEquals(0, messages(account, "AUTO_RENEWAL_FAILED"));
        assertEquals(2, messages(account, "EXPIRY_WARNING"), "E4: the 3- and 1-day warnings");
    }

    @Test
    void enabledInsideTheWindowRenewsAtTheNextSweep_R4() {
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000.00");
        Instance instance = monthly(account);
        run(RENEWAL_POINT); // the 3-day warning: next due at the 1-day point
        assertEquals(EXPIRES.minus(Duration.ofDays(1)), fixtures.instance(instance.id()).due().at());

        Instant enabledAt = EXPIRES.minus(Duration.ofHours(48));
        enable(instance, enabledAt);
        assertEquals(enabledAt, fixtures.instance(instance.id()).due().at(), "due now, not at the next warning");
        run(enabledAt.plus(Duration.ofMinutes(5)));
        assertEquals(RENEWED_EXPIRY, fixtures.instance(instance.id()).expiresAt());
        assertEquals(1, renewalCharges(account));
        assertEquals(1, messages(account, "EXPIRY_WARNING"));
    }

    @Test
    void theSettingIsKeptWithTheInstance_R4() {
        String account = fixtures.verifiedAccount();
        Instance instance = monthly(account);
        assertEquals(AutoRenewal.OFF, fixtures.instance(instance.id()).autoRenewal());
        enable(instance, BOUGHT);
        assertEquals(new AutoRenewal(true, TermDuration.months(1), null), fixtures.instance(instance.id()).autoRenewal());
    }
}
