package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only a request that charged publishes a metric: the rest are API Gateway's request counts. */
class RequestLogTest {

    @Test
    void aPurchaseAnswered201AndARenewalAnswered200AreCounted() {
        assertEquals(Map.of("Purchases", 1), RequestLog.metrics("POST", "/instances", 201));
        assertEquals(Map.of("Renewals", 1), RequestLog.metrics("POST", "/instances/i-1/renewals", 200));
    }

    @Test
    void anythingElsePublishesNothing() {
        assertEquals(Map.of(), RequestLog.metrics("POST", "/instances", 202), "THIRD_PARTY: not paid yet");
        assertEquals(Map.of(), RequestLog.metrics("POST", "/instances", 402));
        assertEquals(Map.of(), RequestLog.metrics("POST", "/instances/i-1/renewals", 202), "THIRD_PARTY: not paid yet");
        assertEquals(Map.of(), RequestLog.metrics("POST", "/instances/i-1/renewals", 402));
        assertEquals(Map.of(), RequestLog.metrics("GET", "/instances", 200));
        assertEquals(Map.of(), RequestLog.metrics("POST", "/instances/i-1/operations", 201));
        assertEquals(Map.of(), RequestLog.metrics("POST", "/account/recharges", 201));
    }
}
