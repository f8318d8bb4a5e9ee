package com.edgecloud.renewal;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Counts the function's DynamoDB round trips (each client call is one request), by operation name. */
@Singleton
public class DynamoCallCounter implements BeanCreatedEventListener<DynamoDbClient> {

    static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    @Override
    public DynamoDbClient onCreated(BeanCreatedEvent<DynamoDbClient> event) {
        DynamoDbClient real = event.getBean();
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("close") && !method.getName().equals("serviceName")
                            && !method.getName().equals("serviceClientConfiguration")) {
                        CALLS.add(method.getName());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
