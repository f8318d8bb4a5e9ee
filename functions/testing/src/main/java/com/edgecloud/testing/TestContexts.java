package com.edgecloud.testing;

import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.runtime.ClockFactory;
import com.edgecloud.testing.aws.AwsCallRecorder;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application context a function runs on in tests: every bean as in AWS, but DynamoDB is the
 * shared DynamoDB Local and business time a {@link com.edgecloud.runtime.SettableClock} the test sets.
 */
public final class TestContexts {

    private TestContexts() {
    }

    public static ApplicationContext start(Map<String, Object> extraProperties) {
        return start(extraProperties, new Object[0]);
    }

    /** The same, with {@code singletons} registered as beans (a test's own implementation of a port). */
    public static ApplicationContext start(Map<String, Object> extraProperties, Object... singletons) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("dynamodb.endpoint", DynamoDbLocal.shared(Tables::createAll).endpoint().toString());
        properties.put(ClockFactory.SETTABLE, true);
        properties.putAll(extraProperties);
        // every AWS call the function makes is recorded for the template's IAM check (issue 16)
        return ApplicationContext.builder().properties(properties).singletons(new AwsCallRecorder())
                .singletons(singletons).start();
    }
}
