package com.edgecloud.dispatch;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.time.ApiTime;
import java.util.Map;

/** An Outbox item's stream image (NEW_IMAGE) back into the message (the shape of OrderItems.outbox). */
final class OutboxRecords {

    private OutboxRecords() {
    }

    static OutboxMessage fromImage(Map<String, AttributeValue> image) {
        String daysBefore = n(image, "daysBefore");
        return new OutboxMessage(s(image, "id"), NotificationType.valueOf(s(image, "type")), s(image, "accountId"),
                s(image, "instanceId"), s(image, "orderId"), daysBefore == null ? null : Integer.valueOf(daysBefore),
                ApiTime.fromStorage(s(image, "createdAt")));
    }

    private static String s(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getS();
    }

    private static String n(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.getN();
    }
}
