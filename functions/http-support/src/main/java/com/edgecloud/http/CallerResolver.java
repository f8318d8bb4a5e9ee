package com.edgecloud.http;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * Finds the caller of a request. In Lambda the API Gateway JWT authorizer has already
 * checked the token and passes its claims; the local server checks the token itself.
 */
public interface CallerResolver {

    Optional<Caller> resolve(HttpRequest<?> request);
}
