package com.edgecloud.bench.usagerun;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds {@link #set(long)} milliseconds to every DynamoDB call, before it is sent: the network latency
 * of DynamoDB within a region, which DynamoDB Local on localhost lacks. The calling thread sleeps, as
 * it would wait for the network, so concurrency across accounts shows even on 2 cores.
 */
public final class AddedLatency implements ExecutionInterceptor {

    private volatile long millis;

    public void set(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long wait = millis;
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
