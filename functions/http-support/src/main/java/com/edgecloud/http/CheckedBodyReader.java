package com.edgecloud.http;

import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Lets a controller take a {@link CheckedBody} record as its {@code @Body}: the framework's JSON reader
 * would bind the first value it could and coerce the rest, this one names every bad field (SPEC §9).
 * The framework picks a reader by its exact type argument, so each body type has its bean, made by its
 * function's factory with {@link CheckedBodies#reader(Class)}. Bodies are JSON whatever their
 * Content-Type says (clients that send text/plain keep working).
 */
final class CheckedBodyReader<T extends CheckedBody> implements MessageBodyReader<T> {

    private final CheckedBodies bodies;
    private final Class<T> type;

    CheckedBodyReader(CheckedBodies bodies, Class<T> type) {
        this.bodies = bodies;
        this.type = type;
    }

    @Override
    public boolean isReadable(Argument<T> argument, MediaType mediaType) {
        return argument.getType() == type;
    }

    @Override
    public T read(Argument<T> argument, MediaType mediaType, Headers headers, InputStream in) throws CodecException {
        try {
            return bodies.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
