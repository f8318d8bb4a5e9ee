package com.edgecloud.runtime;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How every function builds its SDK clients other than DynamoDB's (SNS, SSM, Secrets Manager):
 * the URL-connection HTTP client, the context's {@link ExecutionInterceptor} beans (none in AWS;
 * tests record each call to prove the IAM policies, issue 16) and, in tests only,
 * {@code aws.endpoint-override} (moto or LocalStack). In AWS the region and credentials come
 * from the function's environment.
 */
@Singleton
public class AwsClients {

    public static final String ENDPOINT_OVERRIDE = "aws.endpoint-override";

    private final String endpoint;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(@Value("${" + ENDPOINT_OVERRIDE + ":}") String endpoint, List<ExecutionInterceptor> interceptors) {
        this.endpoint = endpoint;
        this.interceptors = List.copyOf(interceptors);
    }

    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(UrlConnectionHttpClient.create());
        if (!interceptors.isEmpty()) {
            builder.overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
        }
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        return builder;
    }
}
