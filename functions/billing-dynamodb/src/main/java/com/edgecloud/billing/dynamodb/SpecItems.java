package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.edgecloud.billing.catalog.CatalogRepository.Seen;
import com.edgecloud.billing.catalog.DiskType;
import com.edgecloud.billing.catalog.Hardware;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.catalog.PriceHistory.PriceChange;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Spec items of the Catalog table: partition {@code NODE#<nodeId>}, sort key {@code SPEC#<specId>},
 * with the hardware (the CPU as {@code cpuModel}/{@code cpuCores}, {@code disks} as a list of
 * {@code {type, sizeGiB, count}} maps), prices in fen, the stock, and {@code specVersion}: the
 * number of operator writes, absent until the first (C2); {@code hourlyPriceChanges}, the price
 * history (G2) as a list of {@code {from, hourlyPriceFen}} maps, absent on specs written before it
 * (read as the one price since ever). An item is read as the spec with that
 * version ({@link Seen}); purchases and releases move the stock with an update expression.
 */
final class SpecItems {

    private static final ItemSchema<Hardware.Disk> D = ItemSchema.of(Hardware.Disk.class);
    private static final Column<DiskType> DISK_TYPE = D.enumerated("type", DiskType.class, Hardware.Disk::type);
    private static final Column<Integer> DISK_SIZE = D.integer("sizeGiB", Hardware.Disk::sizeGiB);
    private static final Column<Integer> DISK_COUNT = D.integer("count", Hardware.Disk::count);
    private static final TableSchema<Hardware.Disk> DISK = D.build(row -> new Hardware.Disk(row.get(DISK_TYPE),
            row.get(DISK_SIZE), row.get(DISK_COUNT)));

    private static final ItemSchema<PriceChange> P = ItemSchema.of(PriceChange.class);
    private static final Column<Instant> PRICE_FROM = P.instant("from", PriceChange::from);
    private static final Column<Money> PRICE = P.fen("hourlyPriceFen", PriceChange::hourlyPrice);
    private static final TableSchema<PriceChange> PRICE_CHANGE = P.build(row -> new PriceChange(row.get(PRICE_FROM),
            row.get(PRICE)));

    private static final ItemSchema<Seen> S = ItemSchema.of(Seen.class);
    static final Column<String> PK = S.text("pk", s -> partition(s.spec().nodeId()), primaryPartitionKey());
    static final Column<String> SK = S.text("sk", s -> sort(s.spec().specId()), primarySortKey());
    static final Column<String> NODE = S.text("nodeId", s -> s.spec().nodeId());
    static final Column<String> ID = S.text("specId", s -> s.spec().specId());
    static final Column<String> NAME = S.text("name", s -> s.spec().name());
    static final Column<String> CPU_MODEL = S.text("cpuModel", s -> s.spec().hardware().cpu().model());
    static final Column<Integer> CPU_CORES = S.integer("cpuCores", s -> s.spec().hardware().cpu().cores());
    static final Column<Integer> MEMORY = S.integer("memoryGiB", s -> s.spec().hardware().memoryGiB());
    static final Column<List<Hardware.Disk>> DISKS = S.documents("disks", Hardware.Disk.class, DISK,
            s -> s.spec().hardware().disks());
    static final Column<Integer> BANDWIDTH = S.integer("bandwidthMbps", s -> s.spec().hardware().bandwidthMbps());
    static final Column<Money> MONTHLY = S.fen("monthlyPriceFen", s -> s.spec().monthlyPrice());
    static final Column<Money> YEARLY = S.fen("yearlyPriceFen", s -> s.spec().yearlyPrice());
    static final Column<Money> HOURLY = S.fen("hourlyPriceFen", s -> s.spec().hourlyPrice());
    static final Column<Integer> STOCK = S.integer("stock", s -> s.spec().stock());
    static final Column<List<PriceChange>> PRICES = S.documents("hourlyPriceChanges", PriceChange.class, PRICE_CHANGE,
            s -> s.hourlyPrices().changes());
    /** Absent (read as 0) until an operator first writes the spec. */
    static final Column<Long> VERSION = S.number("specVersion", s -> s.version() == 0 ? null : s.version());

    static final TableSchema<Seen> SCHEMA = S.build(row -> new Seen(new Spec(row.get(NODE), row.get(ID),
            row.get(NAME), new Hardware(new Hardware.Cpu(row.get(CPU_MODEL), row.get(CPU_CORES, 0)),
                    row.get(MEMORY, 0), row.get(DISKS, List.of()), row.get(BANDWIDTH, 0)),
            row.get(MONTHLY), row.get(YEARLY), row.get(HOURLY), row.get(STOCK, 0)), row.get(VERSION, 0L),
            priceHistory(row.get(PRICES), row.get(HOURLY))));

    private SpecItems() {
    }

    /** G2: a spec written before price histories has had one price since ever. */
    private static PriceHistory priceHistory(List<PriceChange> changes, Money hourlyPrice) {
        return changes == null || changes.isEmpty() ? PriceHistory.always(hourlyPrice) : new PriceHistory(changes);
    }

    static String partition(String nodeId) {
        return "NODE#" + nodeId;
    }

    static String sort(String specId) {
        return "SPEC#" + specId;
    }

    static Key key(String nodeId, String specId) {
        return Key.builder().partitionValue(partition(nodeId)).sortValue(sort(specId)).build();
    }

    /** The key as the low-level requests (update expressions) take it. */
    static Map<String, AttributeValue> keyMap(String nodeId, String specId) {
        return key(nodeId, specId).keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }

    /** C2: takes {@code quantity} servers only if that many are left, so concurrent purchases never oversell. */
    static void takeStock(Transaction tx, TypedTables tables, String nodeId, String specId, int quantity,
                          Supplier<RuntimeException> whenShort) {
        tx.add(moveStock(tables, nodeId, specId, "#stock - :q", "#stock >= :q", quantity), whenShort);
    }

    /** C2: servers released or never paid for go back to their spec's stock. */
    static void returnStock(Transaction tx, TypedTables tables, String nodeId, String specId, int quantity,
                            Supplier<RuntimeException> whenGone) {
        tx.add(moveStock(tables, nodeId, specId, "#stock + :q", "attribute_exists(#stock)", quantity), whenGone);
    }

    private static TransactWriteItem moveStock(TypedTables tables, String nodeId, String specId, String newStock,
                                               String condition, int quantity) {
        return TransactWriteItem.builder().update(Update.builder().tableName(tables.specs().tableName())
                .key(keyMap(nodeId, specId))
                .updateExpression("SET #stock = " + newStock)
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#stock", STOCK.name()))
                .expressionAttributeValues(Map.of(":q", STOCK.value(quantity))).build()).build();
    }
}
