package com.edgecloud.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The repository's sample events (events/, as `sam local invoke -e` takes them), copied into this
 * module's resources so a function module's tests read nothing outside the module (issue 16);
 * SampleEventCopiesTest (local-server) keeps the copies equal to events/.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** The classpath name of a sample, e.g. {@code events/usage-billing.json}. */
    public static String resource(String fileName) {
        return "events/" + fileName;
    }

    public static String read(String fileName) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(resource(fileName))) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + fileName + " in functions/testing's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
