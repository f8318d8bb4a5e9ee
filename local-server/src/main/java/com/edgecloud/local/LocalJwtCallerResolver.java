package com.edgecloud.local;

import com.edgecloud.http.AuthorizerClaims;
import com.edgecloud.http.Caller;
import com.edgecloud.http.CallerResolver;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §9 locally: an event sent through {@code /_local/invoke} carries the claims API
 * Gateway's authorizer would have put there, and those are used as in AWS; a plain HTTP request
 * must carry {@code Authorization: Bearer <token>} issued by {@code POST /_local/tokens}.
 */
@Singleton
@Replaces(AuthorizerClaims.class)
public class LocalJwtCallerResolver implements CallerResolver {

    private static final String BEARER = "Bearer ";

    private final LocalJwt jwt;

    public LocalJwtCallerResolver(LocalJwt jwt) {
        this.jwt = jwt;
    }

    @Override
    public Optional<Caller> resolve(HttpRequest<?> request) {
        Optional<Map<String, String>> claims = AuthorizerClaims.claimsOf(request);
        if (claims.isPresent()) {
            return claims.flatMap(AuthorizerClaims::callerFrom);
        }
        return bearerToken(request).flatMap(jwt::verify);
    }

    private static Optional<String> bearerToken(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim())
                .filter(token -> !token.isEmpty());
    }
}
