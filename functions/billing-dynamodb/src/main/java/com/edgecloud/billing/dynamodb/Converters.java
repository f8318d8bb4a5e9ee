package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How our values are stored: money as a whole number of fen (M1), instants as fixed-width UTC text (T1). */
final class Converters {

    static final AttributeConverter<Money> FEN = new AttributeConverter<>() {
        @Override
        public AttributeValue transformFrom(Money money) {
            return AttributeValue.fromN(Long.toString(money.fen()));
        }

        @Override
        public Money transformTo(AttributeValue value) {
            return Money.ofFen(Long.parseLong(value.n()));
        }

        @Override
        public EnhancedType<Money> type() {
            return EnhancedType.of(Money.class);
        }

        @Override
        public AttributeValueType attributeValueType() {
            return AttributeValueType.N;
        }
    };

    /** Fixed width, so the text sorts as the instants do: sort keys and due times compare as strings. */
    static final AttributeConverter<Instant> UTC = new AttributeConverter<>() {
        @Override
        public AttributeValue transformFrom(Instant instant) {
            return AttributeValue.fromS(ApiTime.storage(instant));
        }

        @Override
        public Instant transformTo(AttributeValue value) {
            return ApiTime.fromStorage(value.s());
        }

        @Override
        public EnhancedType<Instant> type() {
            return EnhancedType.of(Instant.class);
        }

        @Override
        public AttributeValueType attributeValueType() {
            return AttributeValueType.S;
        }
    };

    private Converters() {
    }
}
