package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What no library does for a request body (SPEC §9): the JSON text itself is checked (one object,
 * nothing after it, no field given twice), then held against the request record's fields so that
 * an unknown field or a value of the wrong JSON type is named with its path ({@code duration.count},
 * {@code disks[1].type}) together with every other bad field, instead of the mapper stopping at the
 * first one or quietly coercing "2" into 2. What it returns is the body less its wrong values, for
 * the mapper to bind and the constraints to check ({@link CheckedBodies}).
 */
public final class JsonRequest {

    private static final int MAX_UNKNOWN_REPORTED = 10;
    private static final int MAX_NAME_ECHOED = 64;

    /** Reads only the structure of a body (jackson-core, as the mapper underneath). */
    private static final JsonFactory STRUCTURE = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final List<FieldError> errors = new ArrayList<>();

    private JsonRequest() {
    }

    /** The body as one JSON object, or a 400 naming {@code body} (or the field given twice). */
    public static JsonNode parse(JsonMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            throw refused("body", "a JSON object is required");
        }
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        JsonNode node;
        try {
            FieldError ambiguous = ambiguity(text);
            if (ambiguous != null) {
                throw BillingException.validation(List.of(ambiguous));
            }
            node = mapper.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BillingException refused) {
                throw refused;
            }
            throw refused("body", "the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw refused("body", "a JSON object is required");
        }
        return node;
    }

    /**
     * The fields of {@code object} that {@code type} has, each of the JSON type its field needs;
     * every other field is added to {@code errors}, named from {@code prefix}.
     */
    public static JsonNode conform(JsonNode object, Class<?> type, List<FieldError> errors) {
        JsonRequest request = new JsonRequest();
        JsonNode conformed = request.object(object, introspection(type), "");
        errors.addAll(request.errors);
        return conformed;
    }

    private static BillingException refused(String field, String message) {
        return BillingException.validation(List.of(new FieldError(field, message)));
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

    /** The field a parser is at, as errors name fields: {@code duration.count}, {@code disks[0].type}. */
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

    private static BeanIntrospection<?> introspection(Class<?> type) {
        return BeanIntrospector.SHARED.findIntrospection(type).orElseThrow(() ->
                new IllegalStateException(type.getName() + " is not @Serdeable: it cannot be a request body"));
    }

    private JsonNode object(JsonNode object, BeanIntrospection<?> type, String path) {
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        int unknown = 0;
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            Optional<? extends BeanProperty<?, Object>> property = type.getProperty(entry.getKey());
            if (property.isEmpty()) {
                if (++unknown <= MAX_UNKNOWN_REPORTED) {
                    reject(path, shortened(entry.getKey()), "is not a field of this request");
                }
            } else if (!entry.getValue().isNull()) {
                JsonNode value = value(entry.getValue(), property.get().asArgument(), child(path, entry.getKey()));
                if (value != null) {
                    kept.put(entry.getKey(), value);
                }
            }
        }
        if (unknown > MAX_UNKNOWN_REPORTED) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path,
                    (unknown - MAX_UNKNOWN_REPORTED) + " more fields are not fields of this request"));
        }
        return JsonNode.createObjectNode(kept);
    }

    /** The value as its field's type reads it, or null (and an error) when it is of another JSON type. */
    private JsonNode value(JsonNode value, Argument<?> type, String path) {
        Class<?> java = type.getType();
        if (java == String.class) {
            return value.isString() ? value : wrong(path, "must be a string");
        }
        if (java == Boolean.class || java == boolean.class) {
            return value.isBoolean() ? value : wrong(path, "must be true or false");
        }
        if (java == Integer.class || java == int.class || java == Long.class || java == long.class) {
            return whole(value, path, java == Integer.class || java == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE);
        }
        if (Number.class.isAssignableFrom(java) || java == double.class) {
            return value.isNumber() ? value : wrong(path, "must be a number");
        }
        if (java.isEnum()) {
            return enumValue(value, java, path);
        }
        if (List.class.isAssignableFrom(java)) {
            return list(value, type.getTypeParameters()[0], path);
        }
        if (Map.class.isAssignableFrom(java)) {
            return map(value, type.getTypeParameters(), path);
        }
        return value.isObject() ? object(value, introspection(java), path) : wrong(path, "must be an object");
    }

    /** A whole number within the field's range, written plainly: {@code 1E+3} is 1000, {@code 1.5} is refused. */
    private JsonNode whole(JsonNode value, String path, long max) {
        if (!value.isNumber()) {
            return wrong(path, "must be a whole number");
        }
        BigDecimal number;
        try {
            number = value.getBigDecimalValue();
        } catch (RuntimeException notFinite) {
            return wrong(path, "must be a whole number");
        }
        if (number.stripTrailingZeros().scale() > 0) {
            return wrong(path, "must be a whole number");
        }
        if (number.abs().compareTo(BigDecimal.valueOf(max)) > 0) {
            return wrong(path, "is out of range");
        }
        return JsonNode.createNumberNode(number.longValueExact());
    }

    private JsonNode enumValue(JsonNode value, Class<?> type, String path) {
        if (value.isString()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(value.getStringValue())) {
                    return value;
                }
            }
        }
        return wrong(path, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private JsonNode list(JsonNode value, Argument<?> item, String path) {
        if (!value.isArray()) {
            return wrong(path, "must be an array");
        }
        List<JsonNode> kept = new ArrayList<>();
        boolean whole = true;
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            JsonNode conformed = element.isNull() ? wrong(path + "[" + i + "]", "must not be null")
                    : value(element, item, path + "[" + i + "]");
            whole &= conformed != null;
            kept.add(conformed);
        }
        // a list with a bad element is left out whole: its indexes would no longer match the errors'
        return whole ? JsonNode.createArrayNode(kept) : null;
    }

    /** A map keyed by an enum (a notification type) or by text. */
    private JsonNode map(JsonNode value, Argument<?>[] keyAndValue, String path) {
        if (!value.isObject()) {
            return wrong(path, "must be an object");
        }
        Class<?> key = keyAndValue[0].getType();
        Map<String, JsonNode> kept = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            String entryPath = child(path, shortened(entry.getKey()));
            if (key.isEnum() && enumValue(JsonNode.createStringNode(entry.getKey()), key, entryPath) == null) {
                continue;
            }
            JsonNode conformed = entry.getValue().isNull() ? wrong(entryPath, "must not be null")
                    : value(entry.getValue(), keyAndValue[1], entryPath);
            if (conformed != null) {
                kept.put(entry.getKey(), conformed);
            }
        }
        return JsonNode.createObjectNode(kept);
    }

    private JsonNode wrong(String path, String message) {
        errors.add(new FieldError(path, message));
        return null;
    }

    private void reject(String path, String name, String message) {
        errors.add(new FieldError(child(path, name), message));
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A field name as an error echoes it: a long invented name is not sent back whole. */
    private static String shortened(String name) {
        return name.length() > MAX_NAME_ECHOED ? name.substring(0, MAX_NAME_ECHOED) + "..." : name;
    }
}
