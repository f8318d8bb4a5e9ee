package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Declares the static {@link TableSchema} of an immutable record (issue 6: built in code, no bean
 * introspection at cold start). Each attribute is declared once, as a {@link Column} with its
 * name, converter and getter; the record is then built from the {@link Row} the client read:
 *
 * <pre>{@code
 * static final ItemSchema<Term> S = ItemSchema.of(Term.class);
 * static final Column<String> INSTANCE = S.text("instanceId", Term::instanceId, primaryPartitionKey());
 * static final TableSchema<Term> SCHEMA = S.build(row -> new Term(row.get(INSTANCE), ...));
 * }</pre>
 *
 * A getter that answers null leaves the attribute out of the item (puts ignore nulls), which is
 * how sparse indexes stay sparse.
 */
final class ItemSchema<T> {

    /** The SDK's shared default converters (the schema builder creates them anyway): not a second set. */
    private static final AttributeConverterProvider DEFAULTS = AttributeConverterProvider.defaultProvider();

    private final StaticImmutableTableSchema.Builder<T, Row> builder;

    private ItemSchema(Class<T> type) {
        this.builder = StaticImmutableTableSchema.builder(type, Row.class);
    }

    static <T> ItemSchema<T> of(Class<T> type) {
        return new ItemSchema<>(type);
    }

    Column<String> text(String name, Function<T, String> getter, StaticAttributeTag... tags) {
        return column(name, DEFAULTS.converterFor(EnhancedType.of(String.class)), getter, tags);
    }

    Column<Long> number(String name, Function<T, Long> getter, StaticAttributeTag... tags) {
        return column(name, DEFAULTS.converterFor(EnhancedType.of(Long.class)), getter, tags);
    }

    Column<Integer> integer(String name, Function<T, Integer> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.of(Integer.class)), getter);
    }

    Column<Boolean> bool(String name, Function<T, Boolean> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.of(Boolean.class)), getter);
    }

    /** Degrees of latitude or longitude: measurements, never money (M1). */
    Column<Double> decimal(String name, Function<T, Double> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.of(Double.class)), getter);
    }

    Column<Money> fen(String name, Function<T, Money> getter) {
        return column(name, Converters.FEN, getter);
    }

    Column<Instant> instant(String name, Function<T, Instant> getter, StaticAttributeTag... tags) {
        return column(name, Converters.UTC, getter, tags);
    }

    /** Stored by the constant's name, so renaming a constant is a data migration, not a silent change. */
    <E extends Enum<E>> Column<E> enumerated(String name, Class<E> type, Function<T, E> getter) {
        return column(name, EnumAttributeConverter.createWithNameAsKeys(type), getter);
    }

    /** Counts by key (a map of numbers). */
    Column<Map<String, Long>> counts(String name, Function<T, Map<String, Long>> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.mapOf(String.class, Long.class)), getter);
    }

    Column<List<String>> texts(String name, Function<T, List<String>> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.listOf(String.class)), getter);
    }

    /**
     * A nested record (a map), stored with its own schema. Its null fields are left out of the
     * map, as at the top level, rather than stored as NULL (the enhanced client's default for documents).
     */
    <D> Column<D> document(String name, Class<D> type, TableSchema<D> schema, Function<T, D> getter) {
        return column(name, DEFAULTS.converterFor(nested(type, schema)), getter);
    }

    /** A list of nested records (a map each), stored with their own schema, null fields left out. */
    <D> Column<List<D>> documents(String name, Class<D> type, TableSchema<D> schema, Function<T, List<D>> getter) {
        return column(name, DEFAULTS.converterFor(EnhancedType.listOf(nested(type, schema))), getter);
    }

    /** A map of nested records by key, stored with their own schema, null fields left out. */
    <D> Column<Map<String, D>> documentMap(String name, Class<D> type, TableSchema<D> schema,
                                           Function<T, Map<String, D>> getter) {
        return column(name, DEFAULTS.converterFor(
                EnhancedType.mapOf(EnhancedType.of(String.class), nested(type, schema))), getter);
    }

    private static <D> EnhancedType<D> nested(Class<D> type, TableSchema<D> schema) {
        return EnhancedType.documentOf(type, schema, d -> d.ignoreNulls(true));
    }

    <V> Column<V> column(String name, AttributeConverter<V> converter, Function<T, V> getter,
                         StaticAttributeTag... tags) {
        Column<V> column = new Column<>(name, converter);
        builder.addAttribute(converter.type(), a -> a.name(name).getter(getter)
                .setter((Row row, V value) -> row.put(column, value))
                .attributeConverter(converter).tags(tags));
        return column;
    }

    TableSchema<T> build(Function<Row, T> read) {
        return builder.newItemBuilder(Row::new, read).build();
    }
}
