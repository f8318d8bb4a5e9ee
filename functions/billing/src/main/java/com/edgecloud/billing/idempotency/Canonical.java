package com.edgecloud.billing.idempotency;

/**
 * The explicit canonical form of a validated request, whose hash tells "the same request" from
 * "another request" under one Idempotency-Key (SPEC §9): the operation, then each field as
 * {@code name=<length>:<value>;} in a fixed order, so no two different requests share a form
 * (whatever their JSON's whitespace or field order), and it never depends on a toString().
 */
public final class Canonical {

    private final StringBuilder form;

    private Canonical(String operation) {
        form = new StringBuilder(operation).append('|');
    }

    public static Canonical of(String operation) {
        return new Canonical(operation);
    }

    /** A field; null is written as absent, distinct from any value. */
    public Canonical with(String name, Object value) {
        form.append(name);
        if (value == null) {
            form.append("=-;");
        } else {
            String text = value.toString();
            form.append('=').append(text.length()).append(':').append(text).append(';');
        }
        return this;
    }

    public String form() {
        return form.toString();
    }
}
