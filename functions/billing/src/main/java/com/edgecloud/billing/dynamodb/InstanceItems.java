package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.lifecycle.PowerState;
import com.edgecloud.billing.time.ApiTime;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * Items of the Instances table. {@code createdKey} orders an account's instances in the
 * ByAccount index; {@code dueBucket}/{@code dueAt} exist only while something is due, so
 * the sparse DueIndex holds nothing else.
 */
final class InstanceItems {

    private InstanceItems() {
    }

    static Map<String, AttributeValue> key(String instanceId) {
        return Map.of("instanceId", Attr.s(instanceId));
    }

    static Map<String, AttributeValue> item(Instance i) {
        Attr.Builder item = Attr.item()
                .s("instanceId", i.id()).s("accountId", i.accountId())
                .s("createdKey", ApiTime.storage(i.createdAt()) + "#" + i.id())
                .s("nodeId", i.nodeId()).s("specId", i.specId()).s("orderId", i.orderId())
                .s("billingMethod", i.billingMethod()).s("billingState", i.billingState())
                .s("powerState", i.powerState())
                .instant("termStartsAt", i.termStartsAt()).instant("expiresAt", i.expiresAt())
                .instant("overdueSince", i.overdueSince()).instant("releaseAt", i.releaseAt())
                .instant("createdAt", i.createdAt())
                .instant("billedUntil", i.billedUntil()).n("meteredSeconds", i.meteredSeconds())
                .n("billedFen", i.billedFen())
                .n("version", i.version());
        if (i.due() != null) {
            item.s("dueBucket", i.due().bucket()).instant("dueAt", i.due().at());
        }
        return item.build();
    }

    /** A put of {@code changed} at version + 1, only if the stored item is still at its version. */
    static Put versionedPut(String table, Instance changed) {
        return Put.builder().tableName(table).item(item(changed.next()))
                .conditionExpression("version = :read")
                .expressionAttributeValues(Map.of(":read", Attr.n(changed.version())))
                .build();
    }

    static Put newPut(String table, Instance instance) {
        return Put.builder().tableName(table).item(item(instance))
                .conditionExpression("attribute_not_exists(instanceId)").build();
    }

    static Instance toInstance(Item item) {
        Due due = item.s("dueBucket") == null ? null : new Due(item.s("dueBucket"), item.instant("dueAt"));
        return new Instance(item.s("instanceId"), item.s("accountId"), item.s("nodeId"), item.s("specId"),
                item.s("orderId"), item.enumValue("billingMethod", BillingMethod.class),
                item.enumValue("billingState", BillingState.class), item.enumValue("powerState", PowerState.class),
                item.instant("termStartsAt"), item.instant("expiresAt"), item.instant("overdueSince"),
                item.instant("releaseAt"), item.instant("createdAt"), due, item.instant("billedUntil"),
                item.n("meteredSeconds", 0), item.n("billedFen", 0), item.n("version", 0));
    }
}
