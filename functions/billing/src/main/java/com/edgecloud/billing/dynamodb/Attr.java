package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds attribute values and items; absent (null) values are left out of the item. */
final class Attr {

    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue instant(Instant value) {
        return s(ApiTime.storage(value));
    }

    static AttributeValue fen(Money value) {
        return n(value.fen());
    }

    static AttributeValue strings(Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    static Builder item() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, AttributeValue> map = new LinkedHashMap<>();

        Builder put(String name, AttributeValue value) {
            map.put(name, value);
            return this;
        }

        Builder s(String name, String value) {
            if (value != null) {
                map.put(name, Attr.s(value));
            }
            return this;
        }

        Builder s(String name, Enum<?> value) {
            return s(name, value == null ? null : value.name());
        }

        Builder n(String name, Long value) {
            if (value != null) {
                map.put(name, Attr.n(value));
            }
            return this;
        }

        Builder n(String name, Integer value) {
            return n(name, value == null ? null : value.longValue());
        }

        Builder bool(String name, boolean value) {
            map.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Builder instant(String name, Instant value) {
            return s(name, ApiTime.storage(value));
        }

        Builder fen(String name, Money value) {
            return value == null ? this : n(name, value.fen());
        }

        Map<String, AttributeValue> build() {
            return Map.copyOf(map);
        }
    }
}
