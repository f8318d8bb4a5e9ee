package com.edgecloud.expiry;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Only in a context started with {@value #PROPERTY}: once {@link #arm armed}, the function's DynamoDB
 * client fails the first single-item write after the next transaction that commits, as a function
 * that dies right after its commit would (the transaction itself goes through).
 */
@Singleton
@Requires(property = DiesAfterCommit.PROPERTY, value = "true")
public class DiesAfterCommit implements ExecutionInterceptor {

    static final String PROPERTY = "test.dies-after-commit";

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean committed = new AtomicBoolean();
    private final AtomicBoolean died = new AtomicBoolean();

    void arm() {
        committed.set(false);
        armed.set(true);
    }

    boolean died() {
        return died.get();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        boolean singleWrite = context.request() instanceof PutItemRequest || context.request() instanceof UpdateItemRequest;
        if (singleWrite && committed.get() && armed.compareAndSet(true, false)) {
            died.set(true);
            throw new IllegalStateException("injected: the function died after its commit");
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest && armed.get()) {
            committed.set(true);
        }
    }
}
