package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {BillingException.class, ExceptionHandler.class})
public class BillingExceptionHandler implements ExceptionHandler<BillingException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, BillingException exception) {
        return Problems.of(exception);
    }
}
