package com.edgecloud.local;

import com.edgecloud.http.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /_local/invoke/{logicalId}} with an event JSON (as in {@code events/}): runs that
 * function like {@code sam local invoke} and answers its result JSON (SPEC §10). A handler that
 * throws answers Lambda's error JSON with {@code X-Amz-Function-Error: Unhandled}, as Lambda's
 * Invoke API does.
 */
@Controller("/_local/invoke")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LocalInvokeController {

    static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";

    private final LocalFunctions functions;

    public LocalInvokeController(LocalFunctions functions) {
        this.functions = functions;
    }

    @Post(uri = "/{logicalId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "invokeFunction", summary = "Invoke a function with an event, as the Lambda Invoke API does", tags = "local", security = {},
            requestBody = @RequestBody(description = "The event JSON, as in events/", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = "object"))))
    @ApiResponse(responseCode = "200", description = "The function's result JSON (an API Gateway response for an HTTP "
            + "function); Lambda's error JSON with X-Amz-Function-Error when the handler threw",
            headers = @Header(name = FUNCTION_ERROR_HEADER, description = "Unhandled: the handler threw",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    public HttpResponse<byte[]> invoke(@PathVariable String logicalId, @Parameter(hidden = true) @Nullable @Body String event) {
        LocalFunctions.Invocation invocation = functions.invoke(logicalId, event);
        MutableHttpResponse<byte[]> response = HttpResponse.ok(invocation.resultJson().getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (invocation.failed()) {
            response.header(FUNCTION_ERROR_HEADER, "Unhandled");
        }
        return response;
    }
}
