package com.edgecloud.runtime;

import com.edgecloud.billing.dynamodb.TableNames;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * One injected DynamoDB client per function (never static), so tests and the local server
 * point every function at the same DynamoDB Local with {@code dynamodb.endpoint}.
 */
@Factory
public class DynamoDbFactory {

    /**
     * {@code interceptors}: the {@link ExecutionInterceptor} beans of the context, none in AWS (the
     * warm-path benchmark registers one to count calls and capacity); with none the client is built
     * exactly as without them.
     */
    @Singleton
    public DynamoDbClient dynamoDbClient(@Value("${dynamodb.endpoint:}") String endpoint,
                                         List<ExecutionInterceptor> interceptors) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
        }
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    @Singleton
    public TableNames tableNames() {
        return TableNames.from(System.getenv());
    }
}
