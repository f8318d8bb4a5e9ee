package com.edgecloud.dispatch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Outbox records as the Outbox table's stream delivers them (NEW_IMAGE, INSERT). */
final class DispatchFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(1000);

    private DispatchFixture() {
    }

    static OutboxMessage orderPaid(String accountId) {
        return new OutboxMessage(Ids.next("ntf"), NotificationType.ORDER_PAID, accountId, null, Ids.next("ord"), null,
                Instant.parse("2026-01-01T07:00:00Z"));
    }

    static DynamodbEvent event(OutboxMessage... messages) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (OutboxMessage m : messages) {
            Map<String, AttributeValue> image = new LinkedHashMap<>();
            image.put("id", new AttributeValue().withS(m.id()));
            image.put("type", new AttributeValue().withS(m.type().name()));
            image.put("accountId", new AttributeValue().withS(m.accountId()));
            if (m.instanceId() != null) {
                image.put("instanceId", new AttributeValue().withS(m.instanceId()));
            }
            if (m.orderId() != null) {
                image.put("orderId", new AttributeValue().withS(m.orderId()));
            }
            if (m.daysBefore() != null) {
                image.put("daysBefore", new AttributeValue().withN(m.daysBefore().toString()));
            }
            image.put("createdAt", new AttributeValue().withS(ApiTime.storage(m.createdAt())));
            if (m.amount() != null) {
                image.put("amountFen", new AttributeValue().withN(Long.toString(m.amount().fen())));
            }
            if (m.until() != null) {
                image.put("until", new AttributeValue().withS(ApiTime.storage(m.until())));
            }
            StreamRecord stream = new StreamRecord();
            stream.setNewImage(image);
            stream.setKeys(Map.of("id", new AttributeValue().withS(m.id())));
            stream.setSequenceNumber(Long.toString(SEQUENCE.incrementAndGet()));
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventName("INSERT");
            record.setDynamodb(stream);
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}
