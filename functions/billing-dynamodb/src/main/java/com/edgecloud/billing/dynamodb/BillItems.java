package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.metering.BillStatus;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Items of the Bills table: keyed by (instance, period start in fixed-width UTC), so a bill of
 * the same period can never be written twice. An UNPAID bill also carries the sparse
 * UnpaidByAccount index's key: the account, and period end then instance, oldest first.
 */
final class BillItems {

    private static final ItemSchema<Bill> S = ItemSchema.of(Bill.class);
    static final Column<String> INSTANCE = S.text("instanceId", Bill::instanceId, primaryPartitionKey());
    static final Column<String> SK = S.text("sk", b -> ApiTime.storage(b.periodStart()), primarySortKey());
    static final Column<String> ID = S.text("id", Bill::id);
    static final Column<String> ACCOUNT = S.text("accountId", Bill::accountId);
    static final Column<Instant> PERIOD_START = S.instant("periodStart", Bill::periodStart);
    static final Column<Instant> PERIOD_END = S.instant("periodEnd", Bill::periodEnd);
    static final Column<Long> SECONDS = S.number("seconds", Bill::seconds);
    static final Column<Money> AMOUNT = S.fen("amountFen", Bill::amount);
    static final Column<BillStatus> STATUS = S.enumerated("status", BillStatus.class, Bill::status);
    static final Column<String> UNPAID_ACCOUNT = S.text("unpaidAccountId",
            b -> b.status() == BillStatus.UNPAID ? b.accountId() : null,
            secondaryPartitionKey(Tables.BILLS_UNPAID_BY_ACCOUNT));
    static final Column<String> UNPAID_KEY = S.text("unpaidKey",
            b -> b.status() == BillStatus.UNPAID ? ApiTime.storage(b.periodEnd()) + "#" + b.instanceId() : null,
            secondarySortKey(Tables.BILLS_UNPAID_BY_ACCOUNT));

    static final TableSchema<Bill> SCHEMA = S.build(row -> new Bill(row.get(ID), row.get(INSTANCE),
            row.get(ACCOUNT), row.get(PERIOD_START), row.get(PERIOD_END), row.get(SECONDS, 0L), row.get(AMOUNT),
            row.get(STATUS)));

    /** A bill is written once per period (G3). */
    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + SK.name() + ")").build();

    /** The PAID item has no UnpaidByAccount keys: writing it takes the bill out of the arrears index. */
    static final Expression STILL_UNPAID = Expression.builder().expression("#status = :unpaid")
            .putExpressionName("#status", STATUS.name())
            .putExpressionValue(":unpaid", STATUS.value(BillStatus.UNPAID)).build();

    private BillItems() {
    }
}
