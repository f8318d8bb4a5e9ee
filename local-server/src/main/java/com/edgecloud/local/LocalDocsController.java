package com.edgecloud.local;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_local/docs}: the API document as a page a person can read and try (issue 17),
 * Swagger UI on {@code /_local/openapi.yml}. Swagger UI's own files come from its webjar, mapped
 * at {@link SwaggerUiWebjar#MAPPING}; the page and its initializer are local-server's own
 * (src/main/resources/local-docs), the initializer pointing "Try it out" at this server.
 */
@Hidden
@Controller("/_local/docs")
public class LocalDocsController {

    static final String PAGE = "local-docs/index.html";
    static final String INITIALIZER = "local-docs/swagger-initializer.js";
    static final String JAVASCRIPT = "text/javascript";

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<String> page() {
        return HttpResponse.ok(read(PAGE));
    }

    @Get("/swagger-initializer.js")
    @Produces(JAVASCRIPT)
    public HttpResponse<String> initializer() {
        return HttpResponse.ok(read(INITIALIZER));
    }

    private static String read(String resource) {
        try (InputStream in = LocalDocsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath: local-server was built without it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
