package com.edgecloud.dispatch;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.edgecloud.billing.dynamodb.OutboxItems;
import com.edgecloud.billing.notify.OutboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * An Outbox item's stream image (NEW_IMAGE) back into the message: the event's attribute values
 * become the SDK's, and the outbox's schema reads them ({@link OutboxItems#fromImage}), so the
 * stream is read exactly as the table was written. Public for the cold-start benchmark's bare
 * handler, which reads the stream with it too (benchmarks/cold-start).
 */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    public static OutboxMessage fromImage(Map<String, AttributeValue> image) {
        return OutboxItems.fromImage(sdk(image));
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk(
            Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, sdk(value)));
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(AttributeValue v) {
        var out = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v.getS() != null) {
            out.s(v.getS());
        } else if (v.getN() != null) {
            out.n(v.getN());
        } else if (v.getBOOL() != null) {
            out.bool(v.getBOOL());
        } else if (Boolean.TRUE.equals(v.getNULL())) {
            out.nul(true);
        } else if (v.getM() != null) {
            out.m(sdk(v.getM()));
        } else if (v.getL() != null) {
            out.l(v.getL().stream().map(OutboxRecords::sdk).toList());
        } else if (v.getSS() != null) {
            out.ss(v.getSS());
        } else if (v.getNS() != null) {
            out.ns(v.getNS());
        } else if (v.getB() != null) {
            out.b(SdkBytes.fromByteBuffer(v.getB()));
        } else if (v.getBS() != null) {
            out.bs(v.getBS().stream().map(SdkBytes::fromByteBuffer).toList());
        }
        return out.build();
    }
}
