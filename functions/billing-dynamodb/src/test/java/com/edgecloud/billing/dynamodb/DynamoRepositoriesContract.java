package com.edgecloud.billing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.catalog.PriceHistory.PriceChange;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.InstanceOperation;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What the DynamoDB repositories promise, whichever DynamoDB they run against: DynamoDB Local
 * in memory ({@link DynamoRepositoriesLocalTest}). (A LocalStack copy of it skipped wherever
 * Docker was missing and LocalStack's DynamoDB is DynamoDB Local anyway; removed in issue 16.)
 * Every test uses fresh ids, so tables may be shared.
 */
abstract class DynamoRepositoriesContract {

    static final Instant NOW = Instant.parse("2026-01-15T02:00:00Z");
    static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");

    abstract DynamoDbClient client();

    abstract TableNames tables();

    DynamoAccountRepository accounts() {
        return new DynamoAccountRepository(client(), tables());
    }

    DynamoWalletRepository wallets() {
        return new DynamoWalletRepository(client(), tables(), new WalletMovements(accounts(), RetryPolicy.DEFAULT));
    }

    DynamoCatalogRepository catalog() {
        return new DynamoCatalogRepository(client(), tables());
    }

    DynamoInstanceRepository instances() {
        return new DynamoInstanceRepository(client(), tables());
    }

    String newAccount() {
        String id = Ids.next("acct");
        accounts().saveProfile(id, true, Verification.PERSONAL, null, NOW);
        return id;
    }

    @Test
    void savesAndFindsAnAccount() {
        String id = Ids.next("acct");
        Contact contact = new Contact("Li Lei", "+8613800000001", "li@example.com");

        Account saved = accounts().saveProfile(id, true, Verification.ENTERPRISE, contact, NOW);

        Account found = accounts().find(id).orElseThrow();
        assertEquals(saved, found);
        assertEquals(id, found.accountId());
        assertTrue(found.activated());
        assertEquals(Verification.ENTERPRISE, found.verification());
        assertEquals(contact, found.contact());
        assertEquals(Money.ZERO, found.wallet().cash());
        assertTrue(found.wallet().coupons().isEmpty());
        assertEquals(0, found.wallet().version());

        accounts().saveProfile(id, false, Verification.NONE, null, NOW.plusSeconds(60));
        Account updated = accounts().find(id).orElseThrow();
        assertEquals(false, updated.activated());
        assertEquals(Verification.NONE, updated.verification());
        assertNull(updated.contact());

        assertTrue(accounts().find(Ids.next("acct")).isEmpty());
    }

    @Test
    void grantsACouponAndRecharges_A2_A4() {
        String id = newAccount();

        Coupon coupon = wallets().grantCoupon(id, Ids.next("cpn"), Money.parse("100.00"), FAR_AHEAD, NOW);
        LedgerEntry recharge = wallets().recharge(id, Money.parse("50.25"), NOW.plusSeconds(1));

        Account account = accounts().find(id).orElseThrow();
        assertEquals("50.25", account.wallet().cash().toString());
        assertEquals(List.of(coupon), account.wallet().coupons());
        assertEquals("100.00", account.wallet().couponBalance(NOW).toString());
        assertEquals("150.25", account.wallet().available(NOW).toString());
        assertEquals("50.25", account.wallet().available(FAR_AHEAD).toString(), "A2: an expired coupon stops counting");
        assertEquals(2, account.wallet().version());
        assertEquals(2, recharge.sequence());

        List<LedgerEntry> ledger = wallets().ledger(id, 10, null).items();
        assertEquals(List.of(LedgerEntryType.RECHARGE, LedgerEntryType.COUPON_GRANT),
                ledger.stream().map(LedgerEntry::type).toList(), "newest first");
        assertEquals(recharge, ledger.get(0));
        assertEquals(coupon.id(), ledger.get(1).couponId());
        assertEquals("100.00", ledger.get(1).coupon().toString());
        assertEquals(Money.ZERO, ledger.get(1).cash());
        assertEquals(account.wallet().cash(), Money.sum(ledger.stream().map(LedgerEntry::cash).toList()),
                "A4: the cash balance is the sum of the ledger's cash");
    }

    @Test
    void aMoneyMovementNeedsAnExistingAccount() {
        String unknown = Ids.next("acct");
        BillingException refused = assertThrows(BillingException.class,
                () -> wallets().recharge(unknown, Money.parse("1.00"), NOW));
        assertEquals(ErrorCode.NOT_FOUND, refused.code());
        assertTrue(accounts().find(unknown).isEmpty());
        assertTrue(wallets().ledger(unknown, 10, null).items().isEmpty());
    }

    @Test
    void theLedgerPagesNewestFirst() {
        String id = newAccount();
        for (int n = 1; n <= 5; n++) {
            wallets().recharge(id, Money.parse(n + ".00"), NOW.plusSeconds(n));
        }

        List<String> amounts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Page<LedgerEntry> page = wallets().ledger(id, 2, token);
            sizes.add(page.items().size());
            page.items().forEach(e -> amounts.add(e.cash().toString()));
            token = page.nextToken();
        } while (token != null && sizes.size() < 10);

        assertEquals(List.of("5.00", "4.00", "3.00", "2.00", "1.00"), amounts);
        assertEquals(List.of(2, 2, 1), sizes);
        assertNull(wallets().ledger(id, 5, null).nextToken(), "a full last page has no next page");
        assertEquals("15.00", accounts().find(id).orElseThrow().wallet().cash().toString());

        String othersToken = wallets().ledger(id, 1, null).nextToken();
        assertNotNull(othersToken);
        BillingException refused = assertThrows(BillingException.class,
                () -> wallets().ledger(newAccount(), 1, othersToken));
        assertEquals(ErrorCode.VALIDATION_FAILED, refused.code());
    }

    static final Hardware HARDWARE = new Hardware(new Hardware.Cpu("Intel Xeon Gold 6330", 28), 256,
            List.of(new Hardware.Disk(DiskType.NVME, 1920, 2), new Hardware.Disk(DiskType.HDD, 8000, 4)), 1000);

    @Test
    void savesAndFindsCatalogNodesAndSpecsWithLocationAndHardware_C1_C2_C3() {
        String nodeId = Ids.next("node");
        Node node = new Node(nodeId, "Shanghai 1", "East China", "Shanghai", 31.2304, 121.4737,
                NodeStatus.UNDER_CONSTRUCTION);
        catalog().saveNode(node);

        assertEquals(node, catalog().node(nodeId).orElseThrow());
        assertTrue(catalog().nodes().contains(node));
        assertTrue(catalog().specs(nodeId).isEmpty());

        Spec spec = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.05"), 7);
        Spec gpu = new Spec(nodeId, "gpu-1", "GPU", HARDWARE, Money.parse("9999.99"), Money.parse("99999.00"),
                Money.parse("13.70"), 0);
        assertEquals(spec, new SpecChanges(catalog(), Clock.systemUTC()).put(spec));
        new SpecChanges(catalog(), Clock.systemUTC()).put(gpu);

        assertEquals(spec, catalog().spec(nodeId, "std-1").orElseThrow());
        assertEquals(gpu, catalog().spec(nodeId, "gpu-1").orElseThrow());
        assertEquals(2, catalog().specs(nodeId).size());
        assertTrue(catalog().specs(nodeId).containsAll(List.of(spec, gpu)));
        assertTrue(catalog().spec(nodeId, "nope").isEmpty());

        catalog().saveNode(new Node(nodeId, "Shanghai 1", "East China", "Shanghai", 31.2304, 121.4737, NodeStatus.OPEN));
        new SpecChanges(catalog(), Clock.systemUTC()).put(new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("900.00"),
                Money.parse("9000.00"), Money.parse("2.05"), 3));
        assertEquals(NodeStatus.OPEN, catalog().node(nodeId).orElseThrow().status());
        assertEquals(3, catalog().spec(nodeId, "std-1").orElseThrow().stock());
        assertEquals("900.00", catalog().spec(nodeId, "std-1").orElseThrow().monthlyPrice().toString());
        assertEquals(2, catalog().specs(nodeId).size(), "an update replaces, never adds");
    }

    @Test
    void aNodeNearTheEquatorAndTheMeridianKeepsItsDegrees_C3() {
        String nodeId = Ids.next("node");
        Node node = new Node(nodeId, "Gulf of Guinea", "West Africa", "None", 0.0001, -0.00005, NodeStatus.OPEN);
        catalog().saveNode(node);

        assertEquals(node, catalog().node(nodeId).orElseThrow());
        Map<String, AttributeValue> item = client().getItem(r -> r.tableName(tables().catalog())
                .key(Map.of("pk", AttributeValue.fromS("NODES"), "sk", AttributeValue.fromS(nodeId)))).item();
        assertEquals(0, new BigDecimal("0.0001").compareTo(new BigDecimal(item.get("latitude").n())));
        assertEquals(0, new BigDecimal("-0.00005").compareTo(new BigDecimal(item.get("longitude").n())));
    }

    @Test
    void aPriceChangeIsKeptInTheSpecsHistoryAtTheBusinessInstantItWasMade_G2() {
        String nodeId = Ids.next("node");
        Spec spec = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.00"), 20);
        Instant created = Instant.parse("2026-03-01T00:00:00Z");
        Instant changed = Instant.parse("2026-03-01T10:30:00.700Z");
        new SpecChanges(catalog(), Clock.fixed(created, ZoneOffset.UTC)).put(spec);
        new SpecChanges(catalog(), Clock.fixed(changed, ZoneOffset.UTC)).put(withStock(spec, 20)); // same price
        Spec dearer = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("20.00"), 20);
        new SpecChanges(catalog(), Clock.fixed(changed, ZoneOffset.UTC)).put(dearer);

        PriceHistory prices = catalog().hourlyPrices(nodeId, "std-1").orElseThrow();
        assertEquals(List.of(new PriceChange(created, Money.parse("2.00")),
                new PriceChange(Instant.parse("2026-03-01T10:30:00Z"), Money.parse("20.00"))), prices.changes());
        assertEquals(Money.parse("20.00"), catalog().spec(nodeId, "std-1").orElseThrow().hourlyPrice());
        assertEquals(Money.parse("2.00"), prices.priceAt(Instant.parse("2026-03-01T10:29:59Z")));
    }

    @Test
    void aStockChangeKeepsTheDecrementsMadeSinceItsRead_C2() {
        String nodeId = Ids.next("node");
        Spec spec = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.00"), 20);
        new SpecChanges(catalog(), Clock.systemUTC()).put(spec);
        CatalogRepository.Seen seen = catalog().specForChange(nodeId, "std-1").orElseThrow();

        takeStock(nodeId, "std-1", 3); // a purchase between the operator's read and write

        Spec restocked = catalog().replaceSpec(withStock(spec, 30), seen.hourlyPrices(), Optional.of(seen))
                .orElseThrow();
        assertEquals(27, restocked.stock(), "20 -> 30 is +10 on top of the 17 left");
        assertEquals(27, catalog().spec(nodeId, "std-1").orElseThrow().stock());
    }

    @Test
    void aStockChangeOverAnotherOperatorsWriteIsNotApplied_C2() {
        String nodeId = Ids.next("node");
        Spec spec = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.00"), 20);
        new SpecChanges(catalog(), Clock.systemUTC()).put(spec);
        CatalogRepository.Seen seen = catalog().specForChange(nodeId, "std-1").orElseThrow();
        new SpecChanges(catalog(), Clock.systemUTC()).put(withStock(spec, 25));

        assertTrue(catalog().replaceSpec(withStock(spec, 30), seen.hourlyPrices(), Optional.of(seen)).isEmpty());
        assertEquals(25, catalog().spec(nodeId, "std-1").orElseThrow().stock());
        assertEquals(30, new SpecChanges(catalog(), Clock.systemUTC()).put(withStock(spec, 30)).stock());
    }

    @Test
    void aStockChangeNeverTakesTheStockBelowZero_C2() {
        String nodeId = Ids.next("node");
        Spec spec = new Spec(nodeId, "std-1", "Standard", HARDWARE, Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.00"), 5);
        new SpecChanges(catalog(), Clock.systemUTC()).put(spec);
        CatalogRepository.Seen seen = catalog().specForChange(nodeId, "std-1").orElseThrow();
        takeStock(nodeId, "std-1", 2);

        assertTrue(catalog().replaceSpec(withStock(spec, 0), seen.hourlyPrices(), Optional.of(seen)).isEmpty(),
                "5 -> 0 on 3 left");
        assertEquals(0, new SpecChanges(catalog(), Clock.systemUTC()).put(withStock(spec, 0)).stock(), "read again: 3 -> 0");
    }

    private static Spec withStock(Spec spec, int stock) {
        return new Spec(spec.nodeId(), spec.specId(), spec.name(), spec.hardware(), spec.monthlyPrice(),
                spec.yearlyPrice(), spec.hourlyPrice(), stock);
    }

    /** What a purchase's transaction does to the stock (C2). */
    private void takeStock(String nodeId, String specId, int quantity) {
        client().updateItem(UpdateItemRequest.builder()
                .tableName(tables().catalog()).key(DynamoCatalogRepository.specKey(nodeId, specId))
                .updateExpression("SET stock = stock - :q").conditionExpression("stock >= :q")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(quantity)))).build());
    }

    @Test
    void listsAnAccountsInstancesNewestFirst() {
        String id = Ids.next("acct");
        List<String> newestFirst = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Instant created = NOW.plus(Duration.ofMinutes(n));
            Instance instance = new Instance(Ids.next("i"), id, "node-1", "spec-1", Ids.next("ord"),
                    BillingMethod.PAY_BY_CONFIGURATION, BillingState.NORMAL, PowerState.RUNNING, null, null, null, null,
                    created, null, created, 0, 0, null, 0);
            instances().create(instance);
            newestFirst.add(0, instance.id());
        }

        Page<Instance> all = instances().listByAccount(id, 3, null);
        assertEquals(newestFirst, all.items().stream().map(Instance::id).toList());
        assertNull(all.nextToken());
        Page<Instance> first = instances().listByAccount(id, 2, null);
        Page<Instance> rest = instances().listByAccount(id, 2, first.nextToken());
        assertEquals(newestFirst.subList(0, 2), first.items().stream().map(Instance::id).toList());
        assertEquals(newestFirst.subList(2, 3), rest.items().stream().map(Instance::id).toList());
        assertNull(rest.nextToken());
        assertEquals(all.items().get(0), instances().find(newestFirst.get(0)).orElseThrow());
        assertTrue(instances().find(Ids.next("i")).isEmpty());
    }

    @Test
    void anInstanceWriteBasedOnAStaleVersionIsRefused() {
        Instant created = NOW;
        Instance instance = new Instance(Ids.next("i"), Ids.next("acct"), "node-1", "spec-1", Ids.next("ord"),
                BillingMethod.PAY_BY_CONFIGURATION, BillingState.NORMAL, PowerState.RUNNING, null, null, null, null,
                created, null, created, 0, 0, null, 0);
        instances().create(instance);

        Instance stopped = instances().update(instance.withPowerState(PowerState.STOPPED));
        assertEquals(1, stopped.version());
        assertThrows(ConcurrentUpdateException.class,
                () -> instances().update(instance.withPowerState(PowerState.RUNNING)), "written at version 0, read before");
        assertEquals(stopped, instances().find(instance.id()).orElseThrow());
        assertThrows(IllegalStateException.class, () -> instances().create(instance), "never overwrites");
    }

    @Test
    void operationsInOneSecondPageNewestFirstWithoutLosingOne_S11() {
        Instance instance = new Instance(Ids.next("i"), Ids.next("acct"), "node-1", "spec-1", Ids.next("ord"),
                BillingMethod.PAY_BY_CONFIGURATION, BillingState.NORMAL, PowerState.RUNNING, null, null, null, null,
                NOW, null, NOW, 0, 0, null, 0);
        instances().create(instance);
        DynamoInstanceOperationStore store = new DynamoInstanceOperationStore(client(), tables(),
                new DynamoIdempotencyStore(client(), tables()));
        List<String> written = new ArrayList<>();
        Instance current = instance;
        for (PowerState to : List.of(PowerState.STOPPED, PowerState.RUNNING, PowerState.STOPPED)) {
            Instance changed = current.withPowerState(to);
            OperationRecord record = OperationRecord.of(to == PowerState.STOPPED ? InstanceOperation.STOP
                    : InstanceOperation.START, current, changed, "owner", NOW); // one second: a frozen clock
            store.commit(changed, record, null);
            written.add(0, record.id());
            current = changed.next();
        }

        DynamoOperationRepository operations = new DynamoOperationRepository(client(), tables());
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            Page<OperationRecord> page = operations.list(instance.id(), 1, token);
            page.items().forEach(r -> paged.add(r.id()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(written, paged);
    }
}
