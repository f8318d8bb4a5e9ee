package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request body read field by field, so that every wrong field is named in one 400
 * (VALIDATION_FAILED, SPEC §9) and nothing is done with a half-valid request.
 */
public final class JsonRequest {

    /** Ids are short, printable and safe in keys and URLs. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final int MAX_UNKNOWN_REPORTED = 10;

    /** Reads only the structure of a body (jackson-core, as the mapper underneath). */
    private static final JsonFactory STRUCTURE = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;
    /** This object and every nested one read from it, in the order they were read. */
    private final List<JsonRequest> tree;
    /** The fields asked for by name: any other field of the object is unknown. */
    private final java.util.Set<String> named = new java.util.HashSet<>();

    private JsonRequest(JsonNode node, String prefix, List<FieldError> errors, List<JsonRequest> tree) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.tree = tree;
        tree.add(this);
    }

    private JsonRequest child(JsonNode object, String path) {
        return new JsonRequest(object, prefix + path, errors, tree);
    }

    /** A field's value, the field now being one this request knows. */
    private JsonNode field(String name) {
        named.add(name);
        return node.get(name);
    }

    public static JsonRequest parse(JsonMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            throw BillingException.validation(List.of(new FieldError("body", "a JSON object is required")));
        }
        JsonNode node;
        try {
            FieldError ambiguous = ambiguity(raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
            if (ambiguous != null) {
                throw BillingException.validation(List.of(ambiguous));
            }
            node = mapper.readValue(raw, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BillingException refused) {
                throw refused;
            }
            throw BillingException.validation(List.of(new FieldError("body", "the body is not valid JSON")));
        }
        if (node == null || !node.isObject()) {
            throw BillingException.validation(List.of(new FieldError("body", "a JSON object is required")));
        }
        return new JsonRequest(node, "", new ArrayList<>(), new ArrayList<>());
    }

    /**
     * What the mapper would silently let pass: a field given twice in one object (the last one
     * would win; jackson-core's duplicate detection names it), or text after the first JSON value
     * (read as if it were not there). Null when there is neither.
     */
    private static FieldError ambiguity(String raw) throws IOException {
        try (JsonParser parser = STRUCTURE.createParser(raw)) {
            try {
                if (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            } catch (JsonParseException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                    return new FieldError(path(parser.getParsingContext()), "is given more than once");
                }
                throw e;
            }
            try {
                if (parser.nextToken() == null) {
                    return null;
                }
            } catch (JsonParseException somethingElse) {
                // a stray '}' or text that is not JSON: still something after the object
            }
            return new FieldError("body", "must be one JSON object with nothing after it");
        }
    }

    /** The field a parser is at, as this class names fields: {@code duration.count}, {@code disks[0].type}. */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> outerFirst = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            outerFirst.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : outerFirst) {
            if (c.inArray()) {
                path.append('[').append(c.getCurrentIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.toString();
    }

    // ---- the fields a request names: required (absent is a 400) or optional (absent is null) ----

    public String requiredText(String field, int maxLength) {
        return text(field, maxLength, true);
    }

    public String optionalText(String field, int maxLength) {
        return text(field, maxLength, false);
    }

    public Integer requiredInteger(String field, int min, int max) {
        return integer(field, min, max, true);
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        return enumValue(field, type, true);
    }

    public <E extends Enum<E>> E optionalEnum(String field, Class<E> type) {
        return enumValue(field, type, false);
    }

    public Boolean requiredBoolean(String field) {
        return bool(field, true);
    }

    public Money requiredMoney(String field) {
        return money(field, true);
    }

    public Instant requiredInstant(String field) {
        return instant(field, true);
    }

    public JsonRequest requiredObject(String field) {
        return object(field, true);
    }

    public JsonRequest optionalObject(String field) {
        return object(field, false);
    }

    /** A required number (not a string) from {@code min} to {@code max}, e.g. a latitude. */
    public Double requiredNumber(String field, double min, double max) {
        JsonNode value = field(field);
        if (absent(value)) {
            reject(field, "is required");
            return null;
        }
        if (!value.isNumber()) {
            reject(field, "must be a number");
            return null;
        }
        double number = value.getBigDecimalValue().doubleValue();
        if (!(number >= min && number <= max)) {
            reject(field, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    /** A required array of objects; each reports its fields as {@code field[i].child}. */
    public List<JsonRequest> requiredObjects(String field, int minSize, int maxSize) {
        JsonNode value = field(field);
        if (absent(value)) {
            reject(field, "is required");
            return null;
        }
        if (!value.isArray()) {
            reject(field, "must be an array");
            return null;
        }
        if (value.size() < minSize || value.size() > maxSize) {
            reject(field, "must have " + minSize + " to " + maxSize + " entries");
            return null;
        }
        List<JsonRequest> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                reject(field + "[" + i + "]", "must be an object");
            } else {
                items.add(child(value.get(i), field + "[" + i + "]."));
            }
        }
        return items;
    }

    /** P1: a required {@code {unit, count}} duration of 1-9 months or 1-3 years; null (and rejected) otherwise. */
    public TermDuration requiredDuration(String field) {
        JsonRequest d = requiredObject(field);
        if (d == null) {
            return null;
        }
        DurationUnit unit = d.requiredEnum("unit", DurationUnit.class);
        Integer count = d.requiredInteger("count", 1, 1000);
        if (unit == null || count == null) {
            return null;
        }
        if (!TermDuration.isValid(unit, count)) {
            reject(field, "P1: 1-9 months or 1-3 years");
            return null;
        }
        return new TermDuration(unit, count);
    }

    /** A required id-like string: 1–64 characters of letters, digits and {@code . _ : -}. */
    public String id(String field) {
        String value = text(field, 64, true);
        if (value != null && !ID.matcher(value).matches()) {
            reject(field, "must be 1-64 letters, digits, '.', '_', ':' or '-'");
            return null;
        }
        return value;
    }

    private String text(String field, int maxLength, boolean required) {
        JsonNode value = field(field);
        if (absent(value)) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(field, "must be a string");
            return null;
        }
        String text = value.getStringValue();
        if (required && text.isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            reject(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    private Integer integer(String field, int min, int max, boolean required) {
        JsonNode value = field(field);
        if (absent(value)) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isNumber() || !isWhole(value)) {
            reject(field, "must be a whole number");
            return null;
        }
        long number;
        try {
            number = value.getBigDecimalValue().longValueExact();
        } catch (ArithmeticException tooLarge) {
            reject(field, "must be between " + min + " and " + max);
            return null;
        }
        if (number < min || number > max) {
            reject(field, "must be between " + min + " and " + max);
            return null;
        }
        return (int) number;
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String text = text(field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            reject(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private Boolean bool(String field, boolean required) {
        JsonNode value = field(field);
        if (absent(value)) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return value.getBooleanValue();
    }

    /** M1: money arrives as a string with at most two decimals ("1234.50"). */
    private Money money(String field, boolean required) {
        String text = text(field, 24, required);
        if (text == null) {
            return null;
        }
        try {
            return Money.parse(text);
        } catch (IllegalArgumentException e) {
            reject(field, "must be an amount such as \"100.00\"");
            return null;
        }
    }

    private Instant instant(String field, boolean required) {
        String text = text(field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            return com.edgecloud.billing.time.ApiTime.parse(text);
        } catch (RuntimeException e) {
            reject(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00");
            return null;
        }
    }

    /** A nested object; its fields report as {@code field.child}. Absent when not required: null. */
    private JsonRequest object(String field, boolean required) {
        JsonNode value = field(field);
        if (absent(value)) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        return child(value, field + ".");
    }

    /**
     * The fields of this object that no reader asked for (a misspelt or invented field is not
     * silently ignored); at most {@value #MAX_UNKNOWN_REPORTED} are named, each name shortened.
     */
    private List<FieldError> unknownFields() {
        List<FieldError> unknown = new ArrayList<>();
        int count = 0;
        for (java.util.Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!named.contains(entry.getKey()) && ++count <= MAX_UNKNOWN_REPORTED) {
                String name = entry.getKey();
                unknown.add(new FieldError(prefix + (name.length() > 64 ? name.substring(0, 64) + "..." : name),
                        "is not a field of this request"));
            }
        }
        if (count > MAX_UNKNOWN_REPORTED) {
            unknown.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    (count - MAX_UNKNOWN_REPORTED) + " more fields are not fields of this request"));
        }
        return unknown;
    }

    /** The field's JSON as given (null when absent), for shapes the typed readers do not cover (arrays). */
    public JsonNode raw(String field) {
        JsonNode value = field(field);
        return absent(value) ? null : value;
    }

    /** A JSON object value read field by field, reporting as {@code path.child}. */
    public JsonRequest nested(JsonNode object, String path) {
        return child(object, path + ".");
    }

    public boolean has(String field) {
        return !absent(field(field));
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /**
     * Throws one VALIDATION_FAILED naming every bad field, if there is any: first the fields no
     * reader asked for (so the readers a request calls are its whole description), then the rest.
     */
    public void validate() {
        List<FieldError> all = new ArrayList<>();
        for (JsonRequest read : tree) {
            all.addAll(read.unknownFields());
        }
        all.addAll(errors);
        if (!all.isEmpty()) {
            throw BillingException.validation(all);
        }
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    private static boolean isWhole(JsonNode value) {
        try {
            return value.getBigDecimalValue().stripTrailingZeros().scale() <= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
