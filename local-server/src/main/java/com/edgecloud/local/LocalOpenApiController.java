package com.edgecloud.local;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /_local/openapi.yml}: the OpenAPI document generated at build time (ApiDocument). */
@Hidden
@Controller("/_local/openapi.yml")
public class LocalOpenApiController {

    public static final String YAML = "application/yaml";

    @Get
    @Produces(YAML)
    public HttpResponse<String> document() {
        String text = read();
        return text == null ? HttpResponse.notFound() : HttpResponse.ok(text);
    }

    /** The generated document, or null when the build did not produce it. */
    static String read() {
        try (InputStream in = LocalOpenApiController.class.getClassLoader().getResourceAsStream(ApiDocument.RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
