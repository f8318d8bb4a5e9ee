package com.edgecloud.billing.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/** T1: wire and storage forms of instants. */
public final class ApiTime {

    // T1: API form, second precision, always a numeric offset ("+08:00", "+00:00").
    private static final DateTimeFormatter API =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxxxx").withResolverStyle(ResolverStyle.STRICT);

    // T1: storage form, UTC, fixed width, lexicographically sortable.
    private static final DateTimeFormatter STORAGE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    private ApiTime() {
    }

    /** e.g. "2016-02-01T23:59:59+08:00"; null → null. Sub-second digits are dropped. */
    public static String format(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        return API.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** ISO-8601 with an offset or "Z"; IllegalArgumentException otherwise. */
    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("Timestamp is missing");
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid timestamp '" + s
                    + "': expected ISO-8601 with an offset, e.g. 2016-02-01T23:59:59+08:00", e);
        }
    }

    /** "yyyy-MM-ddTHH:mm:ssZ" in UTC, truncated to seconds; null → null. */
    public static String storage(Instant instant) {
        if (instant == null) {
            return null;
        }
        return STORAGE.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Inverse of {@link #storage(Instant)}; null → null. */
    public static Instant fromStorage(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s, STORAGE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Invalid stored timestamp '" + s + "'", e);
        }
    }
}
