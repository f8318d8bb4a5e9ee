package com.edgecloud.local;

import com.edgecloud.http.ProblemAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code POST /_local/tokens {sub, roles}} → {@code {token}}: a JWT this server accepts (SPEC §10). */
@Controller("/_local/tokens")
public class LocalTokenController {

    private final LocalJwt jwt;
    private final JsonMapper json;

    public LocalTokenController(LocalJwt jwt, JsonMapper json) {
        this.jwt = jwt;
        this.json = json;
    }

    @Post(consumes = MediaType.ALL)
    @Operation(operationId = "issueLocalToken", summary = "Issue a bearer token this server accepts (24 h)", tags = "local", security = {},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenRequest.class))))
    @ProblemAnswers.BadRequest
    public TokenView issue(@Parameter(hidden = true) @Nullable @Body String body) {
        JsonNode request = parseObject(body);
        JsonNode sub = request.get("sub");
        if (sub == null || !sub.isString() || sub.getStringValue().isBlank()) {
            throw invalid("sub", "is required: the account id the token speaks for");
        }
        return new TokenView(jwt.issue(sub.getStringValue(), roles(request.get("roles"))));
    }

    private static Set<String> roles(JsonNode roles) {
        if (roles == null || roles.isNull()) {
            return Set.of();
        }
        if (!roles.isArray()) {
            throw invalid("roles", "must be an array of strings, e.g. [\"admin\"]");
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode role : roles.values()) {
            if (!role.isString() || role.getStringValue().isBlank()) {
                throw invalid("roles", "must be an array of non-blank strings, e.g. [\"admin\"]");
            }
            result.add(role.getStringValue());
        }
        return result;
    }

    private JsonNode parseObject(String body) {
        try {
            if (body != null && !body.isBlank()) {
                JsonNode node = json.readValue(body, JsonNode.class);
                if (node != null && node.isObject()) {
                    return node;
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported below as a validation failure
        }
        throw invalid("sub", "is required: send a JSON object {\"sub\": \"acct-1\", \"roles\": [\"admin\"]}");
    }

    private static BillingException invalid(String field, String message) {
        return BillingException.validation(List.of(new FieldError(field, message)));
    }

    @Serdeable
    @Schema(name = "LocalToken")
    public record TokenView(String token) {
    }

    /** The body of POST /_local/tokens, as the API document shows it (read by hand above, any field optional). */
    @Schema(name = "LocalTokenRequest")
    public record TokenRequest(@Schema(description = "The account id", example = "acct-1") String sub,
                               @Schema(description = "Roles, e.g. [\"admin\"]") List<String> roles) {
    }
}
