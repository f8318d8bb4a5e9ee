package com.edgecloud.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.payment.Payment;
import com.edgecloud.billing.payment.PaymentCallback;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.billing.payment.PaymentStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.runtime.SettableClock;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.ScheduledEvents;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * P2: a THIRD_PARTY order of 100 monthly servers, paid by a callback whose function dies right
 * after the settlement's commit (47 servers fit in it), is completed by the next expiry sweep:
 * its PAID order carries the "incomplete" due mark, as a balance order does.
 */
class ThirdPartyOrderCompletionIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static final Instant PAID_AT = Instant.parse("2026-07-01T02:00:00Z");
    static ApplicationContext context;
    static ExpirySweepHandler handler;

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of(DiesAfterCommit.PROPERTY, true));
        handler = new ExpirySweepHandler(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    @AfterEach
    void leaveNoInstanceDue() {
        fixtures.clearDue(); // a sweep of another class replays any instant over the shared tables
    }

    @Test
    void aThirdPartyOrderLeftShortByADeadCallbackIsCompletedByTheNextSweep_P2() {
        context.getBean(SettableClock.class).set(PAID_AT);
        String account = fixtures.verifiedAccount();
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 100);
        Claim.Acquired claim = (Claim.Acquired) context.getBean(DynamoIdempotencyStore.class)
                .claim(account + "#purchase#k", "h", Instant.now());
        Payment payment = context.getBean(PurchaseService.class).purchase(new PurchaseRequest(account, spec[0], spec[1],
                        100, BillingMethod.MONTHLY_PACKAGE, TermDuration.months(1), PaymentMethod.THIRD_PARTY),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}")).plan().payment();
        DiesAfterCommit crash = context.getBean(DiesAfterCommit.class);
        crash.arm();

        assertThrows(RuntimeException.class, () -> context.getBean(PaymentService.class)
                .confirm(new PaymentCallback(payment.paymentId(), PaymentStatus.SUCCEEDED, payment.amount())));
        assertTrue(crash.died());
        int written = fixtures.snapshot(account, spec[0], spec[1]).instances().size();
        assertTrue(written < 100, "the crash left the order short: " + written);

        Map<String, Object> result = handler.handleRequest(ScheduledEvents.at(PAID_AT.plusSeconds(1), "{}"), null);

        assertEquals("OK", result.get("status"), result.toString());
        assertTrue((Integer) result.get("ordersCompleted") >= 1, result.toString());
        assertEquals(100, fixtures.snapshot(account, spec[0], spec[1]).instances().size());
        assertEquals(0, fixtures.stock(spec[0], spec[1]));
        assertEquals(2, fixtures.ledger(account).size(), "the provider's credit and the one order charge (A4)");
    }
}
