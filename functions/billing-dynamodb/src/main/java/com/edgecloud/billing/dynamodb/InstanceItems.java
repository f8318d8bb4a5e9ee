package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Items of the Instances table. {@code createdKey} orders an account's instances in the
 * ByAccount index; {@code dueBucket}/{@code dueAt} exist only while something is due, so
 * the sparse DueIndex holds nothing else.
 */
final class InstanceItems {

    private static final ItemSchema<Instance> S = ItemSchema.of(Instance.class);
    static final Column<String> ID = S.text("instanceId", Instance::id, primaryPartitionKey());
    static final Column<String> ACCOUNT = S.text("accountId", Instance::accountId,
            secondaryPartitionKey(Tables.INSTANCES_BY_ACCOUNT));
    static final Column<String> CREATED_KEY = S.text("createdKey",
            i -> ApiTime.storage(i.createdAt()) + "#" + i.id(), secondarySortKey(Tables.INSTANCES_BY_ACCOUNT));
    static final Column<String> NODE = S.text("nodeId", Instance::nodeId);
    static final Column<String> SPEC = S.text("specId", Instance::specId);
    static final Column<String> ORDER = S.text("orderId", Instance::orderId);
    static final Column<BillingMethod> BILLING_METHOD = S.enumerated("billingMethod", BillingMethod.class,
            Instance::billingMethod);
    static final Column<BillingState> BILLING_STATE = S.enumerated("billingState", BillingState.class,
            Instance::billingState);
    static final Column<PowerState> POWER_STATE = S.enumerated("powerState", PowerState.class, Instance::powerState);
    static final Column<Instant> TERM_STARTS_AT = S.instant("termStartsAt", Instance::termStartsAt);
    static final Column<Instant> EXPIRES_AT = S.instant("expiresAt", Instance::expiresAt);
    static final Column<Instant> OVERDUE_SINCE = S.instant("overdueSince", Instance::overdueSince);
    static final Column<Instant> RELEASE_AT = S.instant("releaseAt", Instance::releaseAt);
    static final Column<Instant> CREATED_AT = S.instant("createdAt", Instance::createdAt);
    static final Column<Instant> BILLED_UNTIL = S.instant("billedUntil", Instance::billedUntil);
    static final Column<Long> METERED_SECONDS = S.number("meteredSeconds", Instance::meteredSeconds);
    static final Column<Long> BILLED_FEN = S.number("billedFen", Instance::billedFen);
    /** G2: absent on instances metered before costs were kept (the meter derives it). */
    static final Column<Long> METERED_FEN_SECONDS = S.number("meteredFenSeconds", Instance::meteredFenSeconds);
    static final Column<Long> VERSION = S.number("version", Instance::version);
    // R4: present only once an owner set auto-renewal, so an instance without it keeps its old shape.
    static final Column<Boolean> AUTO_RENEWAL = S.bool("autoRenewal",
            i -> i.autoRenewal().equals(AutoRenewal.OFF) ? null : i.autoRenewal().enabled());
    static final Column<DurationUnit> AUTO_RENEWAL_UNIT = S.enumerated("autoRenewalUnit", DurationUnit.class,
            i -> i.autoRenewal().duration() == null ? null : i.autoRenewal().duration().unit());
    static final Column<Integer> AUTO_RENEWAL_COUNT = S.integer("autoRenewalCount",
            i -> i.autoRenewal().duration() == null ? null : i.autoRenewal().duration().count());
    static final Column<Instant> AUTO_RENEWAL_FAILURE_SENT_FOR = S.instant("autoRenewalFailureSentFor",
            i -> i.autoRenewal().failureSentFor());
    static final Column<String> DUE_BUCKET = S.text("dueBucket", i -> i.due() == null ? null : i.due().bucket(),
            secondaryPartitionKey(Tables.INSTANCES_DUE));
    static final Column<Instant> DUE_AT = S.instant("dueAt", i -> i.due() == null ? null : i.due().at(),
            secondarySortKey(Tables.INSTANCES_DUE));

    static final TableSchema<Instance> SCHEMA = S.build(row -> new Instance(row.get(ID), row.get(ACCOUNT),
            row.get(NODE), row.get(SPEC), row.get(ORDER), row.get(BILLING_METHOD), row.get(BILLING_STATE),
            row.get(POWER_STATE), row.get(TERM_STARTS_AT), row.get(EXPIRES_AT), row.get(OVERDUE_SINCE),
            row.get(RELEASE_AT), row.get(CREATED_AT),
            row.get(DUE_BUCKET) == null ? null : new Due(row.get(DUE_BUCKET), row.get(DUE_AT)),
            row.get(BILLED_UNTIL), row.get(METERED_SECONDS, 0L), row.get(BILLED_FEN, 0L), row.get(METERED_FEN_SECONDS),
            row.get(VERSION, 0L), autoRenewal(row)));

    /** The key of an item in the ByAccount index: the table's key and the index's (a page token's). */
    static final List<String> BY_ACCOUNT_KEY = List.of(ID.name(), ACCOUNT.name(), CREATED_KEY.name());
    /** The key of an item in the DueIndex. */
    static final List<String> DUE_KEY = List.of(ID.name(), DUE_BUCKET.name(), DUE_AT.name());

    private static final Expression IS_NEW = Expression.builder()
            .expression("attribute_not_exists(" + ID.name() + ")").build();

    private InstanceItems() {
    }

    private static AutoRenewal autoRenewal(Row row) {
        TermDuration duration = row.get(AUTO_RENEWAL_UNIT) == null ? null
                : new TermDuration(row.get(AUTO_RENEWAL_UNIT), row.get(AUTO_RENEWAL_COUNT, 0));
        return new AutoRenewal(row.get(AUTO_RENEWAL, false), duration, row.get(AUTO_RENEWAL_FAILURE_SENT_FOR));
    }

    /** Adds {@code changed} at version + 1, only if the stored item is still at its version. */
    static void versionedPut(Transaction tx, TypedTables tables, Instance changed) {
        tx.put(tables.instances(), changed.next(), stillAt(changed),
                () -> new ConcurrentUpdateException("instance " + changed.id() + " changed since read"));
    }

    static Expression stillAt(Instance read) {
        return Expression.builder().expression("#version = :read")
                .putExpressionName("#version", VERSION.name())
                .putExpressionValue(":read", VERSION.value(read.version())).build();
    }

    static Expression isNew() {
        return IS_NEW;
    }
}
