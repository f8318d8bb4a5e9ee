package com.edgecloud.usage;

import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the hourly-run tests share: the real handler on a test context against DynamoDB Local,
 * and nothing due but what the test itself seeds (the due index is shared by every test class).
 */
abstract class HourlyRunTest {

    static final Fixtures fixtures = new Fixtures();
    static ApplicationContext context;
    static UsageBillingHandler handler;

    @BeforeAll
    static void startHandler() {
        context = TestContexts.start(Map.of());
        handler = new UsageBillingHandler(context);
    }

    @AfterAll
    static void closeHandler() {
        handler.close();
    }

    @BeforeEach
    void onlyThisTestsInstancesAreDue() {
        fixtures.clearDue();
    }
}
