package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Coupons, as kept in the account item, and the ledger's items in the Wallet table,
 * partitioned by account: {@code ENTRY#<sequence>}, where the sequence is the wallet version
 * the entry produced, so the sort key orders the ledger exactly, whatever the clock.
 */
final class WalletItems {

    static final String ENTRY = "ENTRY#";

    private WalletItems() {
    }

    static String entryKey(long sequence) {
        return ENTRY + String.format("%019d", sequence);
    }

    /** A coupon as a value of the account item's {@code coupons} map, keyed by its id. */
    static Map<String, AttributeValue> coupon(Coupon coupon) {
        return Attr.item()
                .fen("grantedFen", coupon.granted()).fen("remainingFen", coupon.remaining())
                .instant("expiresAt", coupon.expiresAt())
                .build();
    }

    static Coupon toCoupon(String couponId, Item value) {
        return new Coupon(couponId, value.fen("grantedFen"), value.fen("remainingFen"), value.instant("expiresAt"), 0);
    }

    static Map<String, AttributeValue> entry(String accountId, LedgerEntry entry) {
        return Attr.item()
                .s("accountId", accountId).s("sk", entryKey(entry.sequence()))
                .s("entryId", entry.id()).n("sequence", entry.sequence())
                .instant("at", entry.at()).s("type", entry.type())
                .fen("cashFen", entry.cash()).fen("couponFen", entry.coupon())
                .put("draws", AttributeValue.fromL(entry.couponDraws().stream()
                        .map(d -> AttributeValue.fromM(Attr.item().s("couponId", d.couponId())
                                .fen("amountFen", d.amount()).n("couponVersion", d.couponVersion()).build()))
                        .toList()))
                .s("couponId", entry.couponId()).s("instanceId", entry.instanceId()).s("orderId", entry.orderId())
                .build();
    }

    static LedgerEntry toEntry(Item item) {
        AttributeValue draws = item.map().get("draws");
        List<CouponDraw> couponDraws = draws == null || !draws.hasL() ? List.of() : draws.l().stream()
                .map(d -> new Item(d.m()))
                .map(d -> new CouponDraw(d.s("couponId"), d.fen("amountFen"), d.n("couponVersion", 0)))
                .toList();
        return new LedgerEntry(item.s("entryId"), item.n("sequence", 0), item.instant("at"),
                item.enumValue("type", LedgerEntryType.class), item.fen("cashFen"), item.fen("couponFen"),
                couponDraws, item.s("couponId"), item.s("instanceId"), item.s("orderId"));
    }
}
