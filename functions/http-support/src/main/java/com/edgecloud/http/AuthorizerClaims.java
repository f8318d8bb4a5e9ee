package com.edgecloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller as API Gateway's JWT authorizer describes it, in
 * {@code requestContext.authorizer.jwt.claims} of a payload 2.0 event.
 */
@Singleton
public class AuthorizerClaims implements CallerResolver {

    @Override
    public Optional<Caller> resolve(HttpRequest<?> request) {
        return claimsOf(request).flatMap(AuthorizerClaims::callerFrom);
    }

    public static Optional<Map<String, String>> claimsOf(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                && event.getRequestContext() != null
                && event.getRequestContext().getAuthorizer() != null
                && event.getRequestContext().getAuthorizer().getJwt() != null) {
            return Optional.ofNullable(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        }
        return Optional.empty();
    }

    public static Optional<Caller> callerFrom(Map<String, String> claims) {
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Caller(sub, roles(claims.get("roles"))));
    }

    /** API Gateway flattens an array claim to a string such as {@code [admin user]}. */
    static Set<String> roles(String claim) {
        if (claim == null) {
            return Set.of();
        }
        String inner = claim.replace("[", " ").replace("]", " ").replace("\"", " ");
        return Arrays.stream(inner.split("[\\s,]+"))
                .filter(role -> !role.isBlank())
                .collect(Collectors.toUnmodifiableSet());
    }
}
