package com.edgecloud.billing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.purchase.Order;
import com.edgecloud.billing.purchase.OrderStatus;
import com.edgecloud.billing.purchase.PaymentMethod;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the schemas write are the ones written before them, attribute by attribute (existing
 * data reads back, sparse indexes stay sparse), and read back into the same records.
 */
class StoredShapesTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T02:00:00Z");

    @Test
    void aNodeIsItsLocationAndStatusUnderTheNodesPartition_C3() {
        Node node = new Node("node-1", "Shanghai 1", "East China", "Shanghai", 31.2304, -121.4737, NodeStatus.OPEN);
        Map<String, AttributeValue> item = NodeItems.SCHEMA.itemToMap(node, true);

        assertEquals(Map.of("pk", s("NODES"), "sk", s("node-1"), "nodeId", s("node-1"), "name", s("Shanghai 1"),
                "region", s("East China"), "city", s("Shanghai"), "latitude", n("31.2304"),
                "longitude", n("-121.4737"), "status", s("OPEN")), item);
        assertEquals(node, NodeItems.SCHEMA.mapToItem(item));
    }

    @Test
    void aSpecIsItsFlatCpuItsDiskMapsItsPricesInFenAndItsStock_C2_C3() {
        Spec spec = new Spec("node-1", "std-1", "Standard", new Hardware(new Hardware.Cpu("Xeon 6330", 28), 256,
                List.of(new Hardware.Disk(DiskType.NVME, 1920, 2)), 1000), Money.parse("1000.00"),
                Money.parse("10000.00"), Money.parse("2.05"), 7);
        PriceHistory prices = PriceHistory.startingAt(Instant.parse("2026-01-01T00:00:00Z"), Money.parse("1.00"))
                .changedTo(Money.parse("2.05"), Instant.parse("2026-02-01T10:30:00Z"));
        Map<String, AttributeValue> item = SpecItems.SCHEMA.itemToMap(new CatalogRepository.Seen(spec, 3, prices),
                true);

        assertEquals(Map.ofEntries(Map.entry("pk", s("NODE#node-1")), Map.entry("sk", s("SPEC#std-1")),
                Map.entry("nodeId", s("node-1")), Map.entry("specId", s("std-1")), Map.entry("name", s("Standard")),
                Map.entry("cpuModel", s("Xeon 6330")), Map.entry("cpuCores", n("28")), Map.entry("memoryGiB", n("256")),
                Map.entry("disks", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "type", s("NVME"), "sizeGiB", n("1920"), "count", n("2")))))),
                Map.entry("bandwidthMbps", n("1000")), Map.entry("monthlyPriceFen", n("100000")),
                Map.entry("yearlyPriceFen", n("1000000")), Map.entry("hourlyPriceFen", n("205")),
                Map.entry("stock", n("7")), Map.entry("specVersion", n("3")),
                Map.entry("hourlyPriceChanges", AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("from", s("2026-01-01T00:00:00Z"), "hourlyPriceFen", n("100"))),
                        AttributeValue.fromM(Map.of("from", s("2026-02-01T10:30:00Z"), "hourlyPriceFen", n("205"))))))),
                item);
        assertEquals(new CatalogRepository.Seen(spec, 3, prices), SpecItems.SCHEMA.mapToItem(item));
        assertEquals(new CatalogRepository.Seen(spec, 0, prices),
                SpecItems.SCHEMA.mapToItem(without(item, "specVersion")), "never written by an operator");
        assertEquals(new CatalogRepository.Seen(spec, 3),
                SpecItems.SCHEMA.mapToItem(without(item, "hourlyPriceChanges")),
                "G2: a spec written before price histories has had its one price since ever");
    }

    @Test
    void anUnpaidOrderCarriesTheOrdersDueKeysUntilItsPaymentWindowEnds_P2() {
        Order order = new Order("ord-1", "acct-1", OrderStatus.PENDING_PAYMENT, Money.parse("3000.00"),
                PaymentMethod.THIRD_PARTY, "pay-1", "node-1", "std-1", 2, BillingMethod.MONTHLY_PACKAGE,
                TermDuration.months(3), List.of(), CREATED, null);
        Map<String, AttributeValue> item = OrderItems.SCHEMA.itemToMap(new OrderItems.Stored(order), true);

        assertEquals(Map.ofEntries(Map.entry("orderId", s("ord-1")), Map.entry("accountId", s("acct-1")),
                Map.entry("status", s("PENDING_PAYMENT")), Map.entry("amountFen", n("300000")),
                Map.entry("paymentMethod", s("THIRD_PARTY")), Map.entry("paymentId", s("pay-1")),
                Map.entry("nodeId", s("node-1")), Map.entry("specId", s("std-1")), Map.entry("quantity", n("2")),
                Map.entry("billingMethod", s("MONTHLY_PACKAGE")), Map.entry("durationUnit", s("MONTH")),
                Map.entry("durationCount", n("3")), Map.entry("instanceIds", AttributeValue.fromL(List.of())),
                Map.entry("createdAt", s("2026-01-15T02:00:00Z")), Map.entry("dueBucket", s("PENDING_PAYMENT")),
                Map.entry("dueAt", s("2026-01-15T02:30:00Z"))), item);
        assertEquals(new OrderItems.Stored(order), OrderItems.SCHEMA.mapToItem(item));
    }

    @Test
    void aPaidOrderLeavesOrdersDueUnlessItsInstancesAreNotAllWritten() {
        Order paid = new Order("ord-2", "acct-1", OrderStatus.PAID, Money.ZERO, PaymentMethod.BALANCE, null,
                "node-1", "std-1", 1, BillingMethod.PAY_BY_CONFIGURATION, null, List.of("i-1"), CREATED, CREATED);
        Map<String, AttributeValue> item = OrderItems.SCHEMA.itemToMap(new OrderItems.Stored(paid), true);

        assertEquals(Map.ofEntries(Map.entry("orderId", s("ord-2")), Map.entry("accountId", s("acct-1")),
                Map.entry("status", s("PAID")), Map.entry("amountFen", n("0")), Map.entry("paymentMethod", s("BALANCE")),
                Map.entry("nodeId", s("node-1")), Map.entry("specId", s("std-1")), Map.entry("quantity", n("1")),
                Map.entry("billingMethod", s("PAY_BY_CONFIGURATION")),
                Map.entry("instanceIds", AttributeValue.fromL(List.of(s("i-1")))),
                Map.entry("createdAt", s("2026-01-15T02:00:00Z")), Map.entry("paidAt", s("2026-01-15T02:00:00Z"))),
                item);
        assertEquals(new OrderItems.Stored(paid), OrderItems.SCHEMA.mapToItem(item));

        Due mark = new Due("ORDER#1", CREATED);
        Map<String, AttributeValue> incomplete = OrderItems.SCHEMA.itemToMap(new OrderItems.Stored(paid, mark), true);
        assertEquals(s("ORDER#1"), incomplete.get("dueBucket"));
        assertEquals(s("2026-01-15T02:00:00Z"), incomplete.get("dueAt"));
        assertEquals(new OrderItems.Stored(paid, mark), OrderItems.SCHEMA.mapToItem(incomplete));
    }

    @Test
    void anOutboxMessageIsWrittenAndReadFromItsStreamImageAlike_N2() {
        OutboxMessage warning = new OutboxMessage("ntf-1", NotificationType.EXPIRY_WARNING, "acct-1", "i-1", null, 7,
                CREATED);
        Map<String, AttributeValue> item = OutboxItems.SCHEMA.itemToMap(warning, true);

        assertEquals(Map.of("id", s("ntf-1"), "type", s("EXPIRY_WARNING"), "accountId", s("acct-1"),
                "instanceId", s("i-1"), "daysBefore", n("7"), "createdAt", s("2026-01-15T02:00:00Z")), item);
        assertEquals(warning, OutboxItems.fromImage(item));
    }

    @Test
    void anIdempotencyClaimIsItsHashLeaseAndTtl() {
        IdempotencyItems.Stored claim = new IdempotencyItems.Stored("acct-1#purchase#k", "h", "IN_PROGRESS", "t",
                1_768_442_460L, 1_768_528_800L, null, null);
        Map<String, AttributeValue> item = IdempotencyItems.SCHEMA.itemToMap(claim, true);

        assertEquals(Map.of("key", s("acct-1#purchase#k"), "requestHash", s("h"), "status", s("IN_PROGRESS"),
                "token", s("t"), "leaseUntil", n("1768442460"), "expiresAtEpoch", n("1768528800")), item);
        assertEquals(claim, IdempotencyItems.SCHEMA.mapToItem(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, String attribute) {
        Map<String, AttributeValue> copy = new HashMap<>(item);
        copy.remove(attribute);
        return copy;
    }
}
