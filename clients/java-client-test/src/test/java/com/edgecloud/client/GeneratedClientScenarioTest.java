package com.edgecloud.client;

import static com.edgecloud.client.GeneratedClients.account;
import static com.edgecloud.client.GeneratedClients.admin;
import static com.edgecloud.client.GeneratedClients.idempotencyKey;
import static com.edgecloud.client.GeneratedClients.instances;
import static com.edgecloud.client.GeneratedClients.problemOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.payment.CallbackSignature;
import com.edgecloud.client.api.AdminApi;
import com.edgecloud.client.model.AccountProfileBody;
import com.edgecloud.client.model.BillingMethod;
import com.edgecloud.client.model.CallbackBody;
import com.edgecloud.client.model.CouponBody;
import com.edgecloud.client.model.CpuBody;
import com.edgecloud.client.model.DiskBody;
import com.edgecloud.client.model.DiskType;
import com.edgecloud.client.model.DurationUnit;
import com.edgecloud.client.model.Instance;
import com.edgecloud.client.model.InstanceList;
import com.edgecloud.client.model.LocalClockRequest;
import com.edgecloud.client.model.MonthlyPackageQuote;
import com.edgecloud.client.model.NodeBody;
import com.edgecloud.client.model.Payment;
import com.edgecloud.client.model.PaymentMethod;
import com.edgecloud.client.model.PaymentStatus;
import com.edgecloud.client.model.Problem;
import com.edgecloud.client.model.Purchase;
import com.edgecloud.client.model.PurchaseBody;
import com.edgecloud.client.model.RechargeBody;
import com.edgecloud.client.model.Renewal;
import com.edgecloud.client.model.RenewalBody;
import com.edgecloud.client.model.SpecBody;
import com.edgecloud.client.model.TermBody;
import com.edgecloud.client.model.Verification;
import com.edgecloud.local.LocalServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a Java client generated at build time from the API document the local server serves
 * drives the local server, and nothing else does: tokens, the operator's seeding, quote, purchase,
 * renewal, paging, reading, recharging and a refusal, each through a generated operation and model.
 */
class GeneratedClientScenarioTest {

    /** Monthly 1000.00, yearly 10000.00, hourly 2.00 (the local-server stories' spec). */
    private static final String MONTHLY = "1000.00";

    private static LocalServer server;
    private static GeneratedClients clients;
    private static AdminApi operator;

    @BeforeAll
    static void start() throws ApiException {
        server = LocalServer.start(Map.of("micronaut.server.port", -1));
        clients = new GeneratedClients(server.baseUri());
        operator = admin(clients.as("ops-client", "admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void systemClock() throws ApiException {
        clients.local().resetLocalClock();
    }

    @Test
    void quotedPriceIsWhatThePurchaseCharges_P1_P3() throws ApiException {
        ApiClient customer = customerWithCoupon("acct-gc-quote", "5000.00");
        catalog("node-gc-quote", "spec-gc-quote", 5);
        businessTimeIs("2016-01-01T15:00:00+08:00");

        MonthlyPackageQuote quote = (MonthlyPackageQuote) clients.catalog()
                .quotePurchase("node-gc-quote", "spec-gc-quote", "MONTHLY_PACKAGE", 2, "MONTH", 1).getActualInstance();
        Purchase bought = buyMonthly(customer, "node-gc-quote", "spec-gc-quote", 2);

        assertEquals("2000.00", quote.getAmount());
        assertEquals(quote.getAmount(), bought.getOrder().getAmount());
        assertEquals(2, bought.getInstances().size());
        for (Instance instance : bought.getInstances()) {
            assertSameInstant(quote.getExpiresAt(), instance.getExpiresAt());
            assertSameInstant(OffsetDateTime.parse("2016-02-01T23:59:59+08:00"), instance.getExpiresAt());
        }
        assertEquals("3000.00", account(customer).getAccount().getAvailableBalance());
    }

    @Test
    void renewalStartsTheDayAfterTheOldExpiry_R2() throws ApiException {
        ApiClient customer = customerWithCoupon("acct-gc-renew", "5000.00");
        catalog("node-gc-renew", "spec-gc-renew", 5);
        businessTimeIs("2015-12-01T15:00:00+08:00");
        String id = buyMonthly(customer, "node-gc-renew", "spec-gc-renew", 1).getInstances().get(0).getId();
        businessTimeIs("2015-12-20T10:00:00+08:00");

        Renewal renewed = instances(customer).renewInstance(idempotencyKey(), id,
                new RenewalBody().duration(oneMonth()).paymentMethod(PaymentMethod.BALANCE));

        assertSameInstant(OffsetDateTime.parse("2016-01-02T00:00:00+08:00"), renewed.getTermStartsAt());
        assertSameInstant(OffsetDateTime.parse("2016-02-02T23:59:59+08:00"), renewed.getExpiresAt());
        assertEquals(MONTHLY, renewed.getCharged());
        assertEquals("3000.00", account(customer).getAccount().getAvailableBalance());
    }

    @Test
    void instancesArePagedByLimitAndNextTokenUntilTheLastPage() throws ApiException {
        ApiClient customer = customerWithCoupon("acct-gc-pages", "10000.00");
        catalog("node-gc-pages", "spec-gc-pages", 5);
        Set<String> bought = new HashSet<>();
        buyMonthly(customer, "node-gc-pages", "spec-gc-pages", 5).getInstances().forEach(i -> bought.add(i.getId()));

        List<String> listed = new ArrayList<>();
        int pages = 0;
        String nextToken = null;
        do {
            InstanceList page = instances(customer).listInstances(2, nextToken);
            assertTrue(page.getItems().size() <= 2, "a page holds at most limit items");
            page.getItems().forEach(i -> listed.add(i.getId()));
            nextToken = page.getNextToken();
            pages++;
        } while (nextToken != null);

        assertEquals(3, pages);
        assertEquals(5, listed.size(), "no instance listed twice");
        assertEquals(bought, new HashSet<>(listed));
    }

    @Test
    void oneInstanceReadsAsItWasBought() throws ApiException {
        ApiClient customer = customerWithCoupon("acct-gc-read", "5000.00");
        catalog("node-gc-read", "spec-gc-read", 5);
        Instance bought = buyMonthly(customer, "node-gc-read", "spec-gc-read", 1).getInstances().get(0);

        Instance read = instances(customer).getInstance(bought.getId());

        assertEquals(bought, read);
        assertEquals("acct-gc-read", read.getAccountId());
        assertEquals(Instance.BillingMethodEnum.MONTHLY_PACKAGE, read.getBillingMethod());
        assertEquals(Instance.BillingStateEnum.NORMAL, read.getBillingState());
        assertEquals(Instance.PowerStateEnum.RUNNING, read.getPowerState());
        assertNull(read.getOverdueSince());
    }

    @Test
    void aPurchaseBeyondTheBalanceIsRefusedWithAProblemTheClientReads_INSUFFICIENT_BALANCE() throws Exception {
        ApiClient customer = customerWithCoupon("acct-gc-poor", "100.00");
        catalog("node-gc-poor", "spec-gc-poor", 5);

        ApiException refused = assertThrows(ApiException.class,
                () -> buyMonthly(customer, "node-gc-poor", "spec-gc-poor", 1));

        assertEquals(402, refused.getCode());
        assertEquals("application/problem+json", refused.getResponseHeaders().firstValue("content-type").orElse(""));
        Problem problem = problemOf(refused);
        assertEquals(Problem.CodeEnum.INSUFFICIENT_BALANCE, problem.getCode());
        assertEquals(402, problem.getStatus());
        assertEquals("100.00", account(customer).getAccount().getAvailableBalance(), "nothing charged");
        assertEquals(List.of(), instances(customer).listInstances(null, null).getItems(), "nothing bought");
    }

    @Test
    void badFieldsAreRefusedWithAProblemNamingEachByItsPath() throws Exception {
        ApiClient customer = customerWithCoupon("acct-gc-bad", "50000.00");
        catalog("node-gc-bad", "spec-gc-bad", 5);

        ApiException refused = assertThrows(ApiException.class, () -> instances(customer).purchaseInstances(idempotencyKey(),
                purchase("node-gc-bad", "spec-gc-bad", 0).duration(new TermBody().unit(DurationUnit.MONTH).count(0))));

        assertEquals(400, refused.getCode());
        Problem problem = problemOf(refused);
        assertEquals(Problem.CodeEnum.VALIDATION_FAILED, problem.getCode());
        Set<String> fields = new HashSet<>();
        problem.getErrors().forEach(error -> fields.add(error.getField()));
        assertTrue(fields.containsAll(Set.of("quantity", "duration.count")), fields.toString());
        assertEquals("50000.00", account(customer).getAccount().getAvailableBalance(), "nothing charged");
    }

    @Test
    void aRechargeIsPendingUntilTheProvidersSignedCallbackPaysIt_A5() throws Exception {
        ApiClient customer = customerWithCoupon("acct-gc-recharge", "1.00");

        Payment pending = account(customer).rechargeAccount(idempotencyKey(), new RechargeBody().amount("100.00"));
        CallbackBody callback = new CallbackBody().paymentId(pending.getPaymentId()).status(PaymentStatus.SUCCEEDED)
                .amount("100.00");
        // The provider signs the bytes it sends: the same mapper the generated PaymentsApi writes them with.
        byte[] sent = ApiClient.createDefaultObjectMapper().writeValueAsBytes(callback);
        Payment paid = clients.payments().paymentCallback(
                new CallbackSignature("local-callback-secret").sign(sent), callback);

        assertEquals(Payment.StatusEnum.PENDING, pending.getStatus());
        assertNotNull(pending.getPaymentId());
        assertEquals(Payment.StatusEnum.SUCCEEDED, paid.getStatus());
        assertEquals("100.00", account(customer).getAccount().getCashBalance());
        assertEquals("101.00", account(customer).getAccount().getAvailableBalance());
    }

    /** The operator's set-up (A1, A2): an active, verified account with a coupon, and its client. */
    private static ApiClient customerWithCoupon(String accountId, String amount) throws ApiException {
        operator.putAccount(accountId, new AccountProfileBody().activated(true).verification(Verification.ENTERPRISE));
        operator.grantCoupon(idempotencyKey(), accountId,
                new CouponBody().amount(amount).expiresAt(OffsetDateTime.parse("2099-01-01T00:00:00+08:00")));
        return clients.as(accountId);
    }

    /** The operator's catalog (C1, C3): an open Shanghai node selling one spec. */
    private static void catalog(String nodeId, String specId, int stock) throws ApiException {
        operator.putNode(nodeId, new NodeBody().name(nodeId).region("East China").city("Shanghai")
                .latitude(31.2304).longitude(121.4737).status(NodeBody.StatusEnum.OPEN));
        operator.putSpec(nodeId, specId, new SpecBody().name("Standard")
                .cpu(new CpuBody().model("Intel Xeon Gold 6330").cores(28)).memoryGiB(256)
                .disks(List.of(new DiskBody().type(DiskType.NVME).sizeGiB(1920).count(2))).bandwidthMbps(1000)
                .monthlyPrice(MONTHLY).yearlyPrice("10000.00").hourlyPrice("2.00").stock(stock));
    }

    private static Purchase buyMonthly(ApiClient customer, String nodeId, String specId, int quantity)
            throws ApiException {
        return instances(customer).purchaseInstances(idempotencyKey(), purchase(nodeId, specId, quantity).duration(oneMonth()));
    }

    private static PurchaseBody purchase(String nodeId, String specId, int quantity) {
        return new PurchaseBody().nodeId(nodeId).specId(specId).quantity(quantity)
                .billingMethod(BillingMethod.MONTHLY_PACKAGE).paymentMethod(PaymentMethod.BALANCE);
    }

    private static TermBody oneMonth() {
        return new TermBody().unit(DurationUnit.MONTH).count(1);
    }

    private static void businessTimeIs(String now) throws ApiException {
        clients.local().setLocalClock(new LocalClockRequest().now(OffsetDateTime.parse(now)));
    }

    /** The client reads every date-time in UTC; the API writes it in the billing zone (T1): the same instant. */
    private static void assertSameInstant(OffsetDateTime expected, OffsetDateTime actual) {
        assertNotNull(actual);
        assertEquals(expected.toInstant(), actual.toInstant());
    }
}
