package com.edgecloud.billing.dynamodb;

import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of an item being read, by column, from which its (immutable) record is built.
 * An attribute absent from the item is absent here: {@link #get} answers null.
 */
final class Row {

    private final Map<String, Object> values = new HashMap<>();

    <V> void put(Column<V> column, V value) {
        values.put(column.name(), value);
    }

    @SuppressWarnings("unchecked")
    <V> V get(Column<V> column) {
        return (V) values.get(column.name());
    }

    <V> V get(Column<V> column, V absent) {
        V value = get(column);
        return value == null ? absent : value;
    }
}
