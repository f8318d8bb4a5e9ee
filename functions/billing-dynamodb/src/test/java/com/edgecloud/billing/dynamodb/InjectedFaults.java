package com.edgecloud.billing.dynamodb;

import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What the network between a function and DynamoDB can do to a call, injected into a client of
 * the shared DynamoDB Local (an SDK interceptor): an answer lost after DynamoDB applied the write
 * (the SDK retries it, as it does a dropped connection), a transaction answered as still in
 * progress, a function that dies right after a commit. Each fault is armed for a number of calls.
 */
final class InjectedFaults implements ExecutionInterceptor {

    private enum When { BEFORE_SENDING, AFTER_APPLIED }

    private record Fault(When when, Predicate<SdkRequest> matches, AtomicInteger left, Supplier<RuntimeException> error) {
    }

    /** Attempts the SDK makes of one call before its error reaches the caller. */
    static final int SDK_ATTEMPTS = 3;
    private static final BackoffStrategy SHORT_WAITS = BackoffStrategy.exponentialDelay(Duration.ofMillis(1),
            Duration.ofMillis(20));

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicBoolean committed = new AtomicBoolean();
    private final AtomicInteger injected = new AtomicInteger();
    final DynamoDbClient dynamo;

    InjectedFaults() {
        dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(DynamoDbLocal.shared(Tables::createAll).endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // The SDK retries what it decides to retry, as in AWS, but SDK_ATTEMPTS times with short
                // waits, so a test knows when a fault escapes it and exhausts its retries in milliseconds.
                .overrideConfiguration(c -> c.addExecutionInterceptor(this).retryStrategy(b -> b
                        .maxAttempts(SDK_ATTEMPTS).backoffStrategy(SHORT_WAITS).throttlingBackoffStrategy(SHORT_WAITS)))
                .build();
    }

    /** The next {@code times} matching calls are applied by DynamoDB, then their answers are lost: the SDK retries them. */
    InjectedFaults loseAnswers(Predicate<SdkRequest> matches, int times) {
        faults.add(new Fault(When.AFTER_APPLIED, matches, new AtomicInteger(times),
                () -> SdkClientException.create("injected: the answer was lost", new IOException("connection reset"))));
        return this;
    }

    /** The next {@code times} TransactWriteItems are applied, then answered TransactionInProgressException. */
    InjectedFaults inProgressAfterApplying(int times) {
        faults.add(new Fault(When.AFTER_APPLIED, TransactWriteItemsRequest.class::isInstance, new AtomicInteger(times),
                InjectedFaults::inProgress));
        return this;
    }

    /** The next {@code times} TransactWriteItems are answered TransactionInProgressException, never applied. */
    InjectedFaults inProgressWithoutApplying(int times) {
        faults.add(new Fault(When.BEFORE_SENDING, TransactWriteItemsRequest.class::isInstance, new AtomicInteger(times),
                InjectedFaults::inProgress));
        return this;
    }

    /** The first single-item write after the next TransactWriteItems that commits fails, as if the function died there. */
    InjectedFaults dieAfterNextCommit() {
        committed.set(false);
        faults.add(new Fault(When.BEFORE_SENDING,
                request -> committed.get() && (request instanceof PutItemRequest || request instanceof UpdateItemRequest),
                new AtomicInteger(1), () -> new IllegalStateException("injected: the function died after the commit")));
        return this;
    }

    /** How many faults were injected so far: a test shows its fault happened. */
    int injected() {
        return injected.get();
    }

    static Predicate<SdkRequest> putInto(String table) {
        return request -> request instanceof PutItemRequest put && put.tableName().equals(table);
    }

    static Predicate<SdkRequest> updateOf(String table) {
        return request -> request instanceof UpdateItemRequest update && update.tableName().equals(table);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        inject(When.BEFORE_SENDING, context.request());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.httpResponse().isSuccessful()) {
            inject(When.AFTER_APPLIED, context.request());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest) {
            committed.set(true);
        }
    }

    private void inject(When when, SdkRequest request) {
        for (Fault fault : faults) {
            if (fault.when() == when && fault.matches().test(request) && fault.left().getAndDecrement() > 0) {
                injected.incrementAndGet();
                throw fault.error().get();
            }
        }
    }

    private static RuntimeException inProgress() {
        String message = "injected: the transaction is still in progress";
        return TransactionInProgressException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionInProgressException")
                        .errorMessage(message).serviceName("DynamoDb").build()).build();
    }
}
