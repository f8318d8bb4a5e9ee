package com.edgecloud.local;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_local/openapi.yml}: the OpenAPI document generated at build time (ApiDocument). In
 * the document itself, tagged local like every {@code /_local} route, so the contract check holds it too.
 */
@Controller("/_local/openapi.yml")
public class LocalOpenApiController {

    public static final String YAML = "application/yaml";

    @Get
    @Produces(YAML)
    @Operation(operationId = "getOpenApiDocument", summary = "This API document (OpenAPI 3, YAML)", tags = "local",
            description = "The document generated from the code at build time, as the linters and the contract tests read it.",
            security = {})
    @ApiResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "The build did not generate the document")
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
