package com.edgecloud.purchase;

import static com.edgecloud.testing.StartGate.concurrently;
import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.admin.AdminHandler;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.http.ApiGatewayEvents;
import com.edgecloud.purchase.PurchaseApi.Reply;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * C2: an operator's restock (PUT of a spec's stock, through AdminFunction) racing twenty
 * purchases (through PurchaseFunction): the restock moves the stock by what the operator changed,
 * from the stock it read, so no purchase's decrement is lost and nothing is ever oversold.
 */
class RestockRacingPurchasesIntegrationTest extends PurchaseFunctionTest {

    static ApplicationContext adminContext;
    static AdminHandler admin;

    @BeforeAll
    static void startAdmin() {
        adminContext = TestContexts.start(Map.of(RestockProbe.PROPERTY, true));
        admin = new AdminHandler(adminContext);
    }

    @AfterAll
    static void stopAdmin() {
        adminContext.close();
    }

    static APIGatewayV2HTTPResponse restock(String[] spec, int stock) {
        String body = "{\"name\":\"Standard\",\"cpu\":{\"model\":\"Intel Xeon Gold 6330\",\"cores\":28},"
                + "\"memoryGiB\":256,\"disks\":[{\"type\":\"NVME\",\"sizeGiB\":1920,\"count\":2}],"
                + "\"bandwidthMbps\":1000,\"monthlyPrice\":\"1000.00\",\"yearlyPrice\":\"10000.00\","
                + "\"hourlyPrice\":\"2.00\",\"stock\":" + stock + "}";
        return admin.handleRequest(ApiGatewayEvents.request(ApiGatewayEvents.sample("admin-put-account.json"), "PUT",
                "/admin/catalog/nodes/" + spec[0] + "/specs/" + spec[1], body, "ops-1", "[admin]", Map.of()),
                new MockLambdaContext());
    }

    static List<String> buyers(int n) {
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String account = fixtures.verifiedAccount();
            fixtures.recharge(account, "1000.00");
            buyers.add(account);
        }
        return buyers;
    }

    @Test
    void twentyPurchasesBetweenARestocksReadAndWriteKeepTheirDecrements_C2() throws Exception {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 20);
        List<String> buyers = buyers(20);

        CountDownLatch release = RestockProbe.holdNextChange();
        CompletableFuture<APIGatewayV2HTTPResponse> restocked = CompletableFuture.supplyAsync(() -> restock(spec, 30));
        assertTrue(RestockProbe.read.await(60, TimeUnit.SECONDS), "the restock read the stock");
        assertEquals(20, RestockProbe.lastSeenStock);

        List<Reply> replies = concurrently(20, i -> api.post(buyers.get(i), newKey(), monthly(spec, 1, "MONTH", 1)));
        replies.forEach(Reply::assertCreated);
        assertEquals(0, fixtures.stock(spec[0], spec[1]));

        release.countDown();
        assertEquals(200, restocked.get(60, TimeUnit.SECONDS).getStatusCode());

        // the operator saw 20 and asked for 30: ten more servers, on top of the 0 left after 20 sales
        assertEquals(10, fixtures.stock(spec[0], spec[1]), "a blind write of 30 would have erased 20 sales");
    }

    @Test
    void aRestockAtTheSameMomentAsTwentyPurchasesCountsExactly_C2() throws Exception {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 12);
        List<String> buyers = buyers(20);

        CompletableFuture<APIGatewayV2HTTPResponse> restocked = CompletableFuture.supplyAsync(() -> restock(spec, 15));
        List<Reply> replies = concurrently(20, i -> api.post(buyers.get(i), newKey(), monthly(spec, 1, "MONTH", 1)));
        assertEquals(200, restocked.get(60, TimeUnit.SECONDS).getStatusCode());

        int sold = 0;
        for (Reply reply : replies) {
            if (reply.status == 201) {
                sold++;
            } else {
                reply.assertProblem(409, "OUT_OF_STOCK");
            }
        }
        int seen = RestockProbe.lastSeenStock;
        int left = fixtures.stock(spec[0], spec[1]);
        // every sale took one of the 12 or of the 15 − seen added; never below zero (C2)
        assertEquals(12 + (15 - seen) - sold, left, "sold " + sold + ", restock saw " + seen);
        assertTrue(left >= 0);
        int instances = 0;
        for (String buyer : buyers) {
            instances += api.instances(buyer).size();
        }
        assertEquals(sold, instances);
    }
}
