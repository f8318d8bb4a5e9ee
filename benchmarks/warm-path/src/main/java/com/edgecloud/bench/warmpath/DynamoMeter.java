package com.edgecloud.bench.warmpath;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Registered on the functions' DynamoDB client (an {@link ExecutionInterceptor} bean, see
 * {@code DynamoDbFactory}): asks every request for {@code ReturnConsumedCapacity.TOTAL}, and counts,
 * since the last {@link #reset()}, the calls by operation name, the capacity units DynamoDB reported,
 * and the time from {@code beforeExecution} to {@code afterExecution} (or the failure) of each call.
 * Failed calls count under their name with {@code !} (a lost condition, for instance).
 */
public final class DynamoMeter implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("warmPathStart");

    private final Map<String, Integer> calls = new TreeMap<>();
    private final Map<String, Double> capacityByOperation = new TreeMap<>();
    private double capacity;
    private long nanos;

    public synchronized void reset() {
        calls.clear();
        capacityByOperation.clear();
        capacity = 0;
        nanos = 0;
    }

    public synchronized Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    public synchronized Map<String, Double> capacityByOperation() {
        return new TreeMap<>(capacityByOperation);
    }

    public synchronized double capacity() {
        return capacity;
    }

    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(START, System.nanoTime());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof ScanRequest s) {
            return s.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof PutItemRequest p) {
            return p.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d) {
            return d.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactWriteItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof TransactGetItemsRequest t) {
            return t.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchWriteItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), units(context.response()));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + "!", 0);
    }

    private synchronized void record(ExecutionAttributes attributes, String operation, double units) {
        Long start = attributes.getAttribute(START);
        if (start != null) {
            nanos += System.nanoTime() - start;
        }
        calls.merge(operation, 1, Integer::sum);
        capacityByOperation.merge(operation, units, Double::sum);
        capacity += units;
    }

    static double units(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            return r.consumedCapacity().stream().mapToDouble(DynamoMeter::units).sum();
        } else if (response instanceof TransactGetItemsResponse r) {
            return r.consumedCapacity().stream().mapToDouble(DynamoMeter::units).sum();
        } else if (response instanceof BatchGetItemResponse r) {
            return r.consumedCapacity().stream().mapToDouble(DynamoMeter::units).sum();
        } else if (response instanceof BatchWriteItemResponse r) {
            return r.consumedCapacity().stream().mapToDouble(DynamoMeter::units).sum();
        }
        return 0;
    }

    private static double units(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
    }
}
