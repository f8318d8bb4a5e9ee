package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.CouponDraw;
import com.edgecloud.billing.wallet.LedgerEntry;
import com.edgecloud.billing.wallet.LedgerEntryType;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Wallet table, partitioned by account: {@code COUPON#<id>} (a coupon and its
 * remaining value) and {@code ENTRY#<sequence>} (a ledger entry; the sequence is the wallet
 * version the entry produced, so the sort key orders the ledger exactly, whatever the clock).
 */
final class WalletItems {

    static final String COUPON = "COUPON#";
    static final String ENTRY = "ENTRY#";

    private WalletItems() {
    }

    static String entryKey(long sequence) {
        return ENTRY + String.format("%019d", sequence);
    }

    static Map<String, AttributeValue> coupon(String accountId, Coupon coupon) {
        return Attr.item()
                .s("accountId", accountId).s("sk", COUPON + coupon.id())
                .s("couponId", coupon.id())
                .fen("grantedFen", coupon.granted()).fen("remainingFen", coupon.remaining())
                .instant("expiresAt", coupon.expiresAt())
                .n("version", coupon.version())
                .build();
    }

    static Coupon toCoupon(Item item) {
        return new Coupon(item.s("couponId"), item.fen("grantedFen"), item.fen("remainingFen"),
                item.instant("expiresAt"), item.n("version", 0));
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

    static Money zeroIfNull(Money money) {
        return money == null ? Money.ZERO : money;
    }
}
