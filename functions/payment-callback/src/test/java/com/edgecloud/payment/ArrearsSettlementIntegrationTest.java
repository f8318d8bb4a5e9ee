package com.edgecloud.payment;

import static com.edgecloud.payment.PaymentCallbackIntegrationTest.cash;
import static com.edgecloud.payment.PaymentCallbackIntegrationTest.ledger;
import static com.edgecloud.payment.PaymentCallbackIntegrationTest.recharge;
import static com.edgecloud.payment.PaymentCallbackIntegrationTest.signedCallback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillRepository;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** G5 through the provider's real callback: arrears settled before the callback is answered. */
class ArrearsSettlementIntegrationTest {

    static final Instant LAUNCH = Instant.parse("2016-01-01T00:00:00Z");
    static final Fixtures fixtures = new Fixtures();

    @BeforeAll
    static void start() {
        PaymentCallbackIntegrationTest.function = new FunctionHarness(PaymentCallbackHandler::new,
                Map.of("payments.callback-secret", PaymentCallbackIntegrationTest.LOCAL_SECRET));
        PaymentCallbackIntegrationTest.api = new HandlerApi(PaymentCallbackIntegrationTest.function);
    }

    @AfterEach
    void systemClock() {
        PaymentCallbackIntegrationTest.function.clock().reset();
    }

    @AfterAll
    static void stop() {
        PaymentCallbackIntegrationTest.function.close();
    }

    private static <T> T bean(Class<T> type) {
        return PaymentCallbackIntegrationTest.function.context().getBean(type);
    }

    /** An instance made OVERDUE by the real hourly run: its bill for the hour after launch was not paid (G3). */
    private static Instance overdue(String account, String hourlyPrice, Instant launch, PowerState power) {
        Instance launched = fixtures.payByConfiguration(account, fixtures.nodeWithHourlyPrice(hourlyPrice, 5), launch);
        if (power == PowerState.STOPPED) {
            fixtures.instances.update(launched.withPowerState(PowerState.STOPPED)); // its owner stopped it
        }
        bean(UsageBilling.class).billAccount(account, List.of(launched.id()), launch.plusSeconds(3600));
        Instance overdue = fixtures.instance(launched.id());
        assertEquals(BillingState.OVERDUE, overdue.billingState());
        return overdue;
    }

    private static void rechargeAt(String account, String amount, Instant at) {
        PaymentCallbackIntegrationTest.function.clock().set(at);
        String paymentId = recharge(account, amount);
        PaymentCallbackIntegrationTest.api.ok(signedCallback(paymentId, "SUCCEEDED", amount), 200);
    }

    @Test
    void aRechargeSettlesTheUnpaidBillAndMeteringResumesFromThatInstant_G5() {
        String account = fixtures.verifiedAccount();
        Instance overdue = overdue(account, "2.00", LAUNCH, PowerState.STOPPED);
        assertEquals("2.00", bean(BillRepository.class).arrears(account).toString());

        rechargeAt(account, "100.00", Instant.parse("2016-01-01T05:30:00Z"));

        // By the time the callback answered: the bill is PAID, the instance NORMAL, nothing owed.
        assertEquals("98.00", cash(account).toString());
        assertEquals("0.00", bean(BillRepository.class).arrears(account).toString());
        List<LedgerEntry> settlements = ledger(account).stream()
                .filter(e -> e.type() == LedgerEntryType.ARREARS_SETTLEMENT).toList();
        assertEquals(1, settlements.size());
        assertEquals("-2.00", settlements.get(0).cash().toString());
        assertEquals(overdue.id(), settlements.get(0).instanceId());
        Instance resumed = fixtures.instance(overdue.id());
        assertEquals(BillingState.NORMAL, resumed.billingState());
        assertNull(resumed.overdueSince());
        assertNull(resumed.releaseAt());
        assertEquals(PowerState.STOPPED, resumed.powerState(), "never powered on by the system");
        assertEquals(Instant.parse("2016-01-01T05:30:00Z"), resumed.billedUntil(), "metering resumes now");
        assertEquals(Instant.parse("2016-01-01T06:00:00Z"), resumed.due().at());

        // The next hourly run bills 05:30-06:00 only: the overdue time is never billed.
        bean(UsageBilling.class).billAccount(account, List.of(overdue.id()), Instant.parse("2016-01-01T06:00:00Z"));
        List<Bill> bills = bean(BillRepository.class).listByInstance(overdue.id(), 10, null).items();
        assertEquals(2, bills.size());
        assertEquals(BillStatus.PAID, bills.get(0).status());
        assertEquals(1800, bills.get(1).seconds());
        assertEquals("1.00", bills.get(1).amount().toString());
        assertEquals(BillStatus.PAID, bills.get(1).status());
    }

    @Test
    void billsAreSettledOldestFirstWhileTheBalanceCoversEachInFull_G5() {
        String account = fixtures.verifiedAccount();
        Instance older = overdue(account, "2.00", LAUNCH, PowerState.RUNNING);
        Instance newer = overdue(account, "3.00", LAUNCH.plusSeconds(3600), PowerState.RUNNING);

        rechargeAt(account, "4.00", Instant.parse("2016-01-01T05:00:00Z"));

        assertEquals(BillingState.NORMAL, fixtures.instance(older.id()).billingState());
        assertEquals(BillingState.OVERDUE, fixtures.instance(newer.id()).billingState(), "3.00 > the 2.00 left");
        assertEquals("2.00", cash(account).toString());
        assertEquals("3.00", bean(BillRepository.class).arrears(account).toString());

        rechargeAt(account, "1.00", Instant.parse("2016-01-01T07:00:00Z"));

        assertEquals(BillingState.NORMAL, fixtures.instance(newer.id()).billingState());
        assertEquals("0.00", cash(account).toString());
        assertEquals("0.00", bean(BillRepository.class).arrears(account).toString());
        assertEquals(2, ledger(account).stream().filter(e -> e.type() == LedgerEntryType.ARREARS_SETTLEMENT).count());
    }
}
