package com.edgecloud.purchase;

import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The real PurchaseHandler on the shared DynamoDB Local, one per test class. */
abstract class PurchaseFunctionTest {

    static FunctionHarness function;
    static final Fixtures fixtures = new Fixtures();
    static PurchaseApi api;

    @BeforeAll
    static void startFunction() {
        function = new FunctionHarness(PurchaseHandler::new);
        api = new PurchaseApi(function, fixtures);
    }

    /** Back to the system clock after a test that set business time. */
    @AfterEach
    void systemClock() {
        function.clock().reset();
    }

    @AfterAll
    static void stopFunction() {
        function.close();
    }
}
