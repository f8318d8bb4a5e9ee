package com.edgecloud.payment;

import com.edgecloud.runtime.AwsClients;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A5: where the callback secret comes from, failing closed (issue 16). In AWS: the SSM
 * SecureString named by {@code CALLBACK_SECRET_PARAMETER} (or {@code payments.callback-secret-parameter}).
 * Else {@code payments.callback-secret}, which only the local server's {@code local} environment
 * sets. With neither, every callback is refused with 500: there is no built-in secret a deployed
 * function could fall back to and anyone could sign with.
 */
@Factory
public class CallbackSecretFactory {

    public static final String PARAMETER_ENV = "CALLBACK_SECRET_PARAMETER";

    @Singleton
    public CallbackSecret callbackSecret(@Value("${payments.callback-secret-parameter:}") String parameterProperty,
                                         @Value("${payments.callback-secret:}") String configured,
                                         AwsClients clients) {
        String parameter = parameterProperty.isBlank() ? System.getenv(PARAMETER_ENV) : parameterProperty;
        if (parameter != null && !parameter.isBlank()) {
            return new CallbackSecret(() -> fromSsm(clients, parameter));
        }
        if (!configured.isBlank()) {
            return new CallbackSecret(() -> configured);
        }
        return new CallbackSecret(() -> {
            throw new MissingCallbackSecretException();
        });
    }

    private static String fromSsm(AwsClients clients, String parameter) {
        try (SsmClient ssm = clients.configure(SsmClient.builder()).build()) {
            return ssm.getParameter(r -> r.name(parameter).withDecryption(true)).parameter().value();
        }
    }
}
