package com.edgecloud.purchase;

import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.catalog.CatalogHandler;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures.Buyer;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C4: a quote (CatalogFunction) and the purchase made right after it (PurchaseFunction) agree. */
class QuoteThenPurchaseIntegrationTest extends PurchaseFunctionTest {

    static FunctionHarness catalog;
    static HandlerApi catalogApi;

    @BeforeAll
    static void startCatalog() {
        catalog = new FunctionHarness(CatalogHandler::new);
        catalogApi = new HandlerApi(catalog);
    }

    @AfterAll
    static void stopCatalog() {
        catalog.close();
    }

    @ParameterizedTest(name = "{0}: {1} x {3} {2}")
    @CsvSource({
        "2016-01-31T02:30:00.900Z, 3, MONTH, 1",
        "2016-02-29T00:00:00Z, 2, YEAR, 1",
        "2016-12-31T15:59:59.999Z, 1, MONTH, 3",
        "2026-05-31T10:00:00Z, 100, MONTH, 9"
    })
    void aQuoteAndThePurchaseRightAfterItAgreeToTheFenAndOnExpiry_C4_P2_P3(Instant now, int quantity, String unit,
                                                                            int count) {
        Buyer buyer = fixtures.buyer("9000000.00", quantity);
        catalog.clock().set(now);
        function.clock().set(now);

        JsonNode quote = catalogApi.ok(catalogApi.call("catalog-quote.json", "GET", "/catalog/nodes/" + buyer.spec()[0]
                + "/specs/" + buyer.spec()[1] + "/quote?billingMethod=MONTHLY_PACKAGE&quantity=" + quantity + "&unit=" + unit
                + "&count=" + count, null, null, null, Map.of()), 200);
        JsonNode bought = api.post(buyer.account(), newKey(), monthly(buyer.spec(), quantity, unit, count)).assertCreated().json();

        assertEquals(quote.get("amount").getStringValue(), bought.get("order").get("amount").getStringValue());
        JsonNode instance = bought.get("instances").get(0);
        assertEquals(quote.get("termStartsAt").getStringValue(), instance.get("termStartsAt").getStringValue());
        assertEquals(quote.get("expiresAt").getStringValue(), instance.get("expiresAt").getStringValue());
        assertEquals(quantity, bought.get("instances").size());
    }
}
