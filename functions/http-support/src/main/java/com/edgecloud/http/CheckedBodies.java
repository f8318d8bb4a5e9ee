package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import io.micronaut.core.type.Argument;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a body into its {@link CheckedBody} record (SPEC §9): {@link JsonRequest} checks the JSON
 * and its field types, the mapper binds what is left, the record's constraints check the values;
 * every bad field of the three steps is named in one VALIDATION_FAILED, before anything is done.
 */
@Singleton
public class CheckedBodies {

    private final JsonMapper json;
    private final Validator validator;

    public CheckedBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The reader a function's factory declares as the bean of {@code MessageBodyReader<T>}. */
    public <T extends CheckedBody> MessageBodyReader<T> reader(Class<T> type) {
        return new CheckedBodyReader<>(this, type);
    }

    public <T> T read(String raw, Class<T> type) {
        JsonNode body = JsonRequest.parse(json, raw);
        List<FieldError> errors = new ArrayList<>();
        JsonNode conformed = JsonRequest.conform(body, type, errors);
        T value;
        try {
            value = json.readValueFromTree(conformed, Argument.of(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> named = new HashSet<>();
        errors.forEach(e -> named.add(e.field()));
        List<FieldError> violated = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = field(violation.getPropertyPath());
            // a value of the wrong type was left out: its "must not be null" would name it twice
            if (named.add(field)) {
                violated.add(new FieldError(field, violation.getMessage()));
            }
        }
        // the validator's order is a set's: name the fields as the record declares them
        violated.sort(Comparator.comparing((FieldError e) -> FieldOrder.rank(type, e.field()), FieldOrder.RANKS));
        errors.addAll(violated);
        if (errors.isEmpty() && value instanceof CheckedBody checked) {
            errors.addAll(checked.crossFieldErrors());
        }
        if (!errors.isEmpty()) {
            throw BillingException.validation(errors);
        }
        return value;
    }

    /** A violation's path as errors name fields: {@code duration.count}, {@code disks[1].type}, {@code body}. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('.').append(node.getKey());
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
