package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads typed values out of an item; a missing attribute reads as null (or the default given). */
record Item(Map<String, AttributeValue> map) {

    String s(String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : value.s();
    }

    long n(String name, long absent) {
        AttributeValue value = map.get(name);
        return value == null || value.n() == null ? absent : Long.parseLong(value.n());
    }

    double degrees(String name) {
        AttributeValue value = map.get(name);
        return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
    }

    Integer integer(String name) {
        AttributeValue value = map.get(name);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    boolean bool(String name) {
        AttributeValue value = map.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    Instant instant(String name) {
        return ApiTime.fromStorage(s(name));
    }

    Money fen(String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : Money.ofFen(Long.parseLong(value.n()));
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = s(name);
        return value == null ? null : Enum.valueOf(type, value);
    }

    List<String> strings(String name) {
        AttributeValue value = map.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
