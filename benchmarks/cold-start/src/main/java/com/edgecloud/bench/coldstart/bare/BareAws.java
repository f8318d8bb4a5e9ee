package com.edgecloud.bench.coldstart.bare;

import com.edgecloud.runtime.AwsClients;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** The SDK clients of every bare handler, built as the functions build theirs, and their settings. */
final class BareAws {

    private BareAws() {
    }

    /** As {@code DynamoDbFactory}: {@code DYNAMODB_ENDPOINT} (or {@code dynamodb.endpoint}) points it at DynamoDB Local. */
    static DynamoDbClient dynamoDbClient() {
        String endpoint = System.getProperty("dynamodb.endpoint", env("DYNAMODB_ENDPOINT", ""));
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    /** The functions' own {@link AwsClients} (SNS, SSM, Secrets Manager), without a context: no interceptors. */
    static AwsClients awsClients() {
        return new AwsClients(setting(AwsClients.ENDPOINT_OVERRIDE, ""), List.of());
    }

    /** A setting as the functions read it: the system property, else its environment variable (a.b-c is A_B_C). */
    static String setting(String property, String otherwise) {
        String value = System.getProperty(property);
        return value != null ? value : env(property.toUpperCase().replace('.', '_').replace('-', '_'), otherwise);
    }

    static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
