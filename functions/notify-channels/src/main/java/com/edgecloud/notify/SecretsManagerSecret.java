package com.edgecloud.notify;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The string value of one Secrets Manager secret, by name or ARN, read each time it is asked. */
public final class SecretsManagerSecret implements Supplier<String> {

    private final Supplier<SecretsManagerClient> clients;
    private final String secretId;

    /** {@code clients}: a new client per read (reads are once per container), closed after it. */
    public SecretsManagerSecret(Supplier<SecretsManagerClient> clients, String secretId) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    @Override
    public String get() {
        try (SecretsManagerClient client = clients.get()) {
            String value = client.getSecretValue(r -> r.secretId(secretId)).secretString();
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("secret " + secretId + " has no string value");
            }
            return value;
        }
    }
}
