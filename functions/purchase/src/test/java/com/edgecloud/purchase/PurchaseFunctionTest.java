package com.edgecloud.purchase;

import com.edgecloud.http.Fixtures;
import com.edgecloud.http.FunctionHarness;
import org.junit.jupiter.api.AfterAll;
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

    @AfterAll
    static void stopFunction() {
        function.close();
    }
}
