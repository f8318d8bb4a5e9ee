package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Coupons, as kept in the account item, and the ledger's items in the Wallet table,
 * partitioned by account: {@code ENTRY#<sequence>}, where the sequence is the wallet version
 * the entry produced, so the sort key orders the ledger exactly, whatever the clock.
 */
final class WalletItems {

    static final String ENTRY = "ENTRY#";

    /** A coupon as a value of the account item's {@code coupons} map; its id is the map's key. */
    record StoredCoupon(Money granted, Money remaining, Instant expiresAt) {
    }

    private static final ItemSchema<StoredCoupon> C = ItemSchema.of(StoredCoupon.class);
    static final Column<Money> COUPON_GRANTED = C.fen("grantedFen", StoredCoupon::granted);
    static final Column<Money> COUPON_REMAINING = C.fen("remainingFen", StoredCoupon::remaining);
    static final Column<Instant> COUPON_EXPIRES_AT = C.instant("expiresAt", StoredCoupon::expiresAt);
    static final TableSchema<StoredCoupon> COUPON_SCHEMA = C.build(row -> new StoredCoupon(row.get(COUPON_GRANTED),
            row.get(COUPON_REMAINING), row.get(COUPON_EXPIRES_AT)));

    /** One coupon draw of a ledger entry, a map in its {@code draws} list. */
    private static final ItemSchema<CouponDraw> D = ItemSchema.of(CouponDraw.class);
    static final Column<String> DRAW_COUPON = D.text("couponId", CouponDraw::couponId);
    static final Column<Money> DRAW_AMOUNT = D.fen("amountFen", CouponDraw::amount);
    static final Column<Long> DRAW_COUPON_VERSION = D.number("couponVersion", CouponDraw::couponVersion);
    static final TableSchema<CouponDraw> DRAW_SCHEMA = D.build(row -> new CouponDraw(row.get(DRAW_COUPON),
            row.get(DRAW_AMOUNT), row.get(DRAW_COUPON_VERSION, 0L)));

    /** A ledger entry as stored: with its account, the partition it is kept in. */
    record StoredEntry(String accountId, LedgerEntry entry) {
    }

    private static final ItemSchema<StoredEntry> S = ItemSchema.of(StoredEntry.class);
    static final Column<String> ACCOUNT = S.text("accountId", StoredEntry::accountId, primaryPartitionKey());
    static final Column<String> SK = S.text("sk", s -> entryKey(s.entry().sequence()), primarySortKey());
    /** The ledger's key: a page token's attributes. */
    static final List<String> KEY = List.of(ACCOUNT.name(), SK.name());
    static final Column<String> ID = S.text("entryId", s -> s.entry().id());
    static final Column<Long> SEQUENCE = S.number("sequence", s -> s.entry().sequence());
    static final Column<Instant> AT = S.instant("at", s -> s.entry().at());
    static final Column<LedgerEntryType> TYPE = S.enumerated("type", LedgerEntryType.class, s -> s.entry().type());
    static final Column<Money> CASH = S.fen("cashFen", s -> s.entry().cash());
    static final Column<Money> COUPON = S.fen("couponFen", s -> s.entry().coupon());
    static final Column<List<CouponDraw>> DRAWS = S.documents("draws", CouponDraw.class, DRAW_SCHEMA,
            s -> s.entry().couponDraws());
    static final Column<String> COUPON_ID = S.text("couponId", s -> s.entry().couponId());
    static final Column<String> INSTANCE = S.text("instanceId", s -> s.entry().instanceId());
    static final Column<String> ORDER = S.text("orderId", s -> s.entry().orderId());

    static final TableSchema<StoredEntry> SCHEMA = S.build(row -> new StoredEntry(row.get(ACCOUNT),
            new LedgerEntry(row.get(ID), row.get(SEQUENCE, 0L), row.get(AT), row.get(TYPE), row.get(CASH),
                    row.get(COUPON), row.get(DRAWS, List.of()), row.get(COUPON_ID), row.get(INSTANCE),
                    row.get(ORDER))));

    /** A second entry for the same wallet version is impossible. */
    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + SK.name() + ")").build();

    private WalletItems() {
    }

    static String entryKey(long sequence) {
        return ENTRY + String.format("%019d", sequence);
    }

    /** The account item's {@code coupons} map of {@code coupons}, in their order. */
    static Map<String, StoredCoupon> couponMap(List<Coupon> coupons) {
        Map<String, StoredCoupon> map = new LinkedHashMap<>();
        for (Coupon coupon : coupons) {
            map.put(coupon.id(), new StoredCoupon(coupon.granted(), coupon.remaining(), coupon.expiresAt()));
        }
        return map;
    }

    /** A2: coupons used up leave the map; expired ones stay until they are pruned, and never count. */
    static List<Coupon> coupons(Map<String, StoredCoupon> couponMap) {
        if (couponMap == null) {
            return List.of();
        }
        return couponMap.entrySet().stream()
                .map(e -> new Coupon(e.getKey(), e.getValue().granted(), e.getValue().remaining(),
                        e.getValue().expiresAt(), 0))
                .filter(coupon -> coupon.remaining().isPositive())
                .toList();
    }
}
