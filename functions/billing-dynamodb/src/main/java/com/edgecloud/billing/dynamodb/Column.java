package com.edgecloud.billing.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One attribute of an item type, declared once in its {@link ItemSchema}: its name for
 * expressions and its converter for expression values, so an update expression stores a value
 * exactly as the schema's put would.
 */
record Column<V>(String name, AttributeConverter<V> converter) {

    AttributeValue value(V value) {
        return converter.transformFrom(value);
    }
}
