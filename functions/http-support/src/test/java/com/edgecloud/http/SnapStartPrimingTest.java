package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.runtime.FunctionContexts;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart priming exists only in a context built for a snapshot, and runs against DynamoDB Local. */
class SnapStartPrimingTest {

    @Test
    void primesDynamoDbJsonAndRoutesInASnapshotContext() {
        try (ApplicationContext context = TestContexts.start(Map.of(FunctionContexts.SNAPSHOT, true))) {
            SnapStartPriming priming = context.getBean(SnapStartPriming.class);
            assertDoesNotThrow(priming::prime);
        }
    }

    @Test
    void absentOnAnOrdinaryColdStart() {
        try (ApplicationContext context = TestContexts.start(Map.of())) {
            assertFalse(context.containsBean(SnapStartPriming.class));
        }
    }

    @Test
    void snapStartIsReadFromTheInitializationType() {
        assertTrue(FunctionContexts.isSnapStart(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")));
        assertFalse(FunctionContexts.isSnapStart(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")));
        assertFalse(FunctionContexts.isSnapStart(Map.of()));
    }
}
