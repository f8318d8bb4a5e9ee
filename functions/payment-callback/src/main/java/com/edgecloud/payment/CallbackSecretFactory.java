package com.edgecloud.payment;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The callback secret from SSM when {@code CALLBACK_SECRET_PARAMETER} is set, else from configuration. */
@Factory
public class CallbackSecretFactory {

    public static final String PARAMETER_ENV = "CALLBACK_SECRET_PARAMETER";

    @Singleton
    public CallbackSecret callbackSecret(@Value("${payments.callback-secret:local-callback-secret}") String configured) {
        String parameter = System.getenv(PARAMETER_ENV);
        if (parameter == null || parameter.isBlank()) {
            return new CallbackSecret(() -> configured);
        }
        return new CallbackSecret(() -> {
            try (SsmClient ssm = SsmClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                return ssm.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value();
            }
        });
    }
}
