package com.edgecloud.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.money.Money;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import io.micronaut.json.tree.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CatalogFunction through its real Lambda handler. The node list is shared by every test
 * class on this DynamoDB Local: tests look for their own node ids, never at the whole list.
 */
class CatalogHandlerIntegrationTest {

    static final String SAMPLE = "catalog-list-nodes.json";
    static final Fixtures fixtures = new Fixtures();
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(CatalogHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    JsonNode get(String path) {
        return api.ok(api.call(SAMPLE, "GET", path, null, null, null, Map.of()), 200);
    }

    static Map<String, JsonNode> byField(JsonNode items, String field) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode item : items.values()) {
            map.put(item.get(field).getStringValue(), item);
        }
        return map;
    }

    @Test
    void listsNodesWithTheirStatus_openAndUnderConstruction_C1() {
        String open = Ids.next("node");
        String building = Ids.next("node");
        fixtures.catalog.saveNode(new Node(open, "Shanghai 1", "East China", "Shanghai", 31.2304, 121.4737, NodeStatus.OPEN));
        fixtures.catalog.saveNode(new Node(building, "Chengdu 2", "Southwest China", "Chengdu", 30.5728, 104.0668,
                NodeStatus.UNDER_CONSTRUCTION));

        JsonNode body = get("/catalog/nodes");

        HandlerApi.assertNullField(body, "nextToken");
        Map<String, JsonNode> nodes = byField(body.get("items"), "nodeId");
        JsonNode openNode = nodes.get(open);
        assertNotNull(openNode, open + " not listed in " + body);
        assertEquals("Shanghai 1", openNode.get("name").getStringValue());
        assertEquals("East China", openNode.get("region").getStringValue());
        assertEquals("OPEN", openNode.get("status").getStringValue());
        assertEquals("Shanghai", openNode.get("city").getStringValue());
        assertEquals(31.2304, openNode.get("latitude").getDoubleValue());
        assertEquals(121.4737, openNode.get("longitude").getDoubleValue());
        HandlerApi.assertNullField(openNode, "distanceKm");
        assertNotNull(nodes.get(building), building + " not listed in " + body);
        assertEquals("UNDER_CONSTRUCTION", nodes.get(building).get("status").getStringValue());
        assertEquals("Chengdu 2", nodes.get(building).get("name").getStringValue());
    }

    @Test
    void catalogIsPublic_noClaimsNeeded_C1() {
        String node = fixtures.nodeWithSpec(NodeStatus.OPEN, 1)[0];
        // the sample carries no authorizer at all; a signed-in caller sees the same list
        var anonymous = api.call(SAMPLE, "GET", "/catalog/nodes", null, null, null, Map.of());
        var signedIn = api.call(SAMPLE, "GET", "/catalog/nodes", null, "acct-someone", "[user]", Map.of());
        assertTrue(byField(api.ok(anonymous, 200).get("items"), "nodeId").containsKey(node));
        assertTrue(byField(api.ok(signedIn, 200).get("items"), "nodeId").containsKey(node));
    }

    @Test
    void listsSpecsWithPricesAsTwoDecimalStringsAndStock_C2_M1() {
        String node = Ids.next("node");
        fixtures.catalog.saveNode(new Node(node, "Guangzhou 1", "South China", "Guangzhou", 23.1291, 113.2644, NodeStatus.OPEN));
        fixtures.saveSpec(new Spec(node, "std-1", "Standard", Fixtures.HARDWARE,
                Money.parse("1234.5"), Money.parse("12000"), Money.parse("0.05"), 7));
        fixtures.saveSpec(new Spec(node, "gpu-1", "GPU", Fixtures.HARDWARE,
                Money.parse("9999.99"), Money.parse("99999.00"), Money.parse("13.70"), 0));

        JsonNode body = get("/catalog/nodes/" + node + "/specs");

        HandlerApi.assertNullField(body, "nextToken");
        assertEquals(2, body.get("items").size(), body.toString());
        Map<String, JsonNode> specs = byField(body.get("items"), "specId");
        JsonNode std = specs.get("std-1");
        assertEquals(node, std.get("nodeId").getStringValue());
        assertEquals("Standard", std.get("name").getStringValue());
        assertTrue(std.get("monthlyPrice").isString(), "M1: money is a string");
        assertEquals("1234.50", std.get("monthlyPrice").getStringValue());
        assertEquals("12000.00", std.get("yearlyPrice").getStringValue());
        assertEquals("0.05", std.get("hourlyPrice").getStringValue());
        assertEquals(7, std.get("stock").getIntValue());
        JsonNode gpu = specs.get("gpu-1");
        assertEquals("9999.99", gpu.get("monthlyPrice").getStringValue());
        assertEquals("99999.00", gpu.get("yearlyPrice").getStringValue());
        assertEquals("13.70", gpu.get("hourlyPrice").getStringValue());
        assertEquals(0, gpu.get("stock").getIntValue());
    }

    @Test
    void specsOfAnotherNodeAreNotListed_C2() {
        String[] a = fixtures.nodeWithSpec(NodeStatus.OPEN, 3);
        String[] b = fixtures.nodeWithSpec(NodeStatus.OPEN, 4);
        JsonNode items = get("/catalog/nodes/" + a[0] + "/specs").get("items");
        assertEquals(List.of(a[1]), List.copyOf(byField(items, "specId").keySet()));
        assertEquals(3, items.get(0).get("stock").getIntValue());
        assertEquals(List.of(b[1]), List.copyOf(byField(get("/catalog/nodes/" + b[0] + "/specs").get("items"),
                "specId").keySet()));
    }

    @Test
    void aNodeUnderConstructionStillShowsItsSpecs_C1() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.UNDER_CONSTRUCTION, 5);
        JsonNode items = get("/catalog/nodes/" + spec[0] + "/specs").get("items");
        assertEquals(1, items.size());
        assertEquals("1000.00", items.get(0).get("monthlyPrice").getStringValue());
    }

    @Test
    void aNodeWithoutSpecsListsNone() {
        String node = Ids.next("node");
        fixtures.catalog.saveNode(new Node(node, "Empty", "North China", "Beijing", 39.9042, 116.4074, NodeStatus.OPEN));
        JsonNode body = get("/catalog/nodes/" + node + "/specs");
        assertEquals(0, body.get("items").size());
        HandlerApi.assertNullField(body, "nextToken");
    }

    @Test
    void unknownNodeIsNotFound() {
        JsonNode problem = api.problem(api.call(SAMPLE, "GET", "/catalog/nodes/" + Ids.next("node") + "/specs", null,
                null, null, Map.of()), 404, "NOT_FOUND");
        assertNotNull(problem.get("detail"));
    }

    @Test
    void unknownRouteIsProblemJsonNotFound() {
        api.problem(api.call(SAMPLE, "GET", "/catalog/nowhere", null, null, null, Map.of()), 404, "NOT_FOUND");
    }
}
