package com.edgecloud.purchase;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Only in a context started with {@value #PROPERTY}: the function's DynamoDB client fails
 * every single-item write to the Instances table, as a crash or an outage right after a
 * purchase's transaction would (the transaction itself goes through).
 */
@Singleton
@Requires(property = FailingInstanceWrites.PROPERTY, value = "true")
public class FailingInstanceWrites implements BeanCreatedEventListener<DynamoDbClient> {

    static final String PROPERTY = "test.fail-instance-writes";

    @Override
    @SuppressWarnings("unchecked")
    public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        DynamoDbClient real = event.getBean();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putItem") && args != null && args.length == 1) {
                        PutItemRequest request = args[0] instanceof PutItemRequest r ? r
                                : PutItemRequest.builder().applyMutation((Consumer<PutItemRequest.Builder>) args[0]).build();
                        if (request.tableName().equals("Instances")) {
                            throw DynamoDbException.builder().message("injected: Instances unavailable").statusCode(500).build();
                        }
                        return real.putItem(request);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
