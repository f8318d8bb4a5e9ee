package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.time.ApiTime;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Bills table: keyed by (instance, period start in fixed-width UTC), so a bill of
 * the same period can never be written twice. An UNPAID bill also carries the sparse
 * UnpaidByAccount index's key: the account, and period end then instance, oldest first.
 */
final class BillItems {

    static final String UNPAID_ACCOUNT = "unpaidAccountId";
    static final String UNPAID_KEY = "unpaidKey";

    private BillItems() {
    }

    static Map<String, AttributeValue> item(Bill b) {
        Attr.Builder item = Attr.item()
                .s("instanceId", b.instanceId()).s("sk", ApiTime.storage(b.periodStart()))
                .s("id", b.id()).s("accountId", b.accountId())
                .instant("periodStart", b.periodStart()).instant("periodEnd", b.periodEnd())
                .n("seconds", b.seconds()).fen("amountFen", b.amount()).s("status", b.status());
        if (b.status() == BillStatus.UNPAID) {
            item.s(UNPAID_ACCOUNT, b.accountId()).s(UNPAID_KEY, ApiTime.storage(b.periodEnd()) + "#" + b.instanceId());
        }
        return item.build();
    }

    static Bill toBill(Item item) {
        return new Bill(item.s("id"), item.s("instanceId"), item.s("accountId"), item.instant("periodStart"),
                item.instant("periodEnd"), item.n("seconds", 0), item.fen("amountFen"),
                item.enumValue("status", BillStatus.class));
    }
}
