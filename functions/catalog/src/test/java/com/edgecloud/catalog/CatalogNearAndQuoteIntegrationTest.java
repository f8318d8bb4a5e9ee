package com.edgecloud.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.http.FunctionHarness;
import com.edgecloud.http.HandlerApi;
import com.edgecloud.testing.Fixtures;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** C3 (nearest nodes) and C4 (quotes) through CatalogFunction's real handler; both public. */
class CatalogNearAndQuoteIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    @RegisterExtension
    static final FunctionHarness function = new FunctionHarness(CatalogHandler::new);
    static final HandlerApi api = new HandlerApi(function);

    static JsonNode get(String sample, String path) {
        return api.ok(api.call(sample, "GET", path, null, null, null, Map.of()), 200);
    }

    static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : problem.get("errors").values()) {
            fields.add(error.get("field").getStringValue());
        }
        return fields;
    }

    @Test
    void nodesNearAPointComeNearestFirstWithTheirDistance_C3() {
        String beijing = Ids.next("node");
        String guangzhou = Ids.next("node");
        String shanghai = Ids.next("node");
        fixtures.catalog.saveNode(new Node(beijing, "Beijing 1", "North China", "Beijing", 39.9042, 116.4074,
                NodeStatus.OPEN));
        fixtures.catalog.saveNode(new Node(guangzhou, "Guangzhou 1", "South China", "Guangzhou", 23.1291, 113.2644,
                NodeStatus.UNDER_CONSTRUCTION));
        fixtures.catalog.saveNode(new Node(shanghai, "Shanghai 1", "East China", "Shanghai", 31.2304, 121.4737,
                NodeStatus.OPEN));

        JsonNode items = get("catalog-near.json", "/catalog/nodes?near=31.2304,121.4737").get("items");

        List<String> mine = new ArrayList<>();
        double previous = -1;
        for (JsonNode item : items.values()) {
            double km = item.get("distanceKm").getDoubleValue();
            assertTrue(km >= previous, "nearest first: " + items);
            previous = km;
            String id = item.get("nodeId").getStringValue();
            if (id.equals(beijing) || id.equals(guangzhou) || id.equals(shanghai)) {
                mine.add(id);
                assertTrue(item.get("distanceKm").isNumber(), "a JSON number");
            }
        }
        assertEquals(List.of(shanghai, beijing, guangzhou), mine);
        // haversine on a 6371.0088 km sphere: 1067.3116… km and 1211.8922… km
        assertEquals(new BigDecimal("0.0"), distance(items, shanghai));
        assertEquals(new BigDecimal("1067.3"), distance(items, beijing));
        assertEquals(new BigDecimal("1211.9"), distance(items, guangzhou));
    }

    private static BigDecimal distance(JsonNode items, String nodeId) {
        for (JsonNode item : items.values()) {
            if (item.get("nodeId").getStringValue().equals(nodeId)) {
                return item.get("distanceKm").getBigDecimalValue();
            }
        }
        throw new AssertionError(nodeId + " not listed");
    }

    @ParameterizedTest(name = "[{index}] near={0}")
    @ValueSource(strings = {"31.2", "31.2,121.4,5", "north,east", "91,0", "-90.5,0", "0,180.1", "0,-181", "", ",",
            "NaN,0", "1e999,0"})
    void aBadNearIsRefusedNamingIt_C3(String near) {
        JsonNode problem = api.problem(api.call("catalog-near.json", "GET", "/catalog/nodes?near="
                + URLEncoder.encode(near, StandardCharsets.UTF_8), null, null, null,
                Map.of()), 400, "VALIDATION_FAILED");
        assertEquals(List.of("near"), errorFields(problem));
    }

    @Test
    void theEdgesOfTheMapAreValid_C3() {
        get("catalog-near.json", "/catalog/nodes?near=-90,-180");
        get("catalog-near.json", "/catalog/nodes?near=90,180");
    }

    @Test
    void aSpecListsItsHardwareInTheWireForm_C3() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 4);
        JsonNode item = get("catalog-near.json", "/catalog/nodes/" + spec[0] + "/specs").get("items").get(0);
        List<String> fields = new ArrayList<>();
        item.entries().forEach(e -> fields.add(e.getKey()));
        assertEquals(List.of("nodeId", "specId", "name", "cpu", "memoryGiB", "disks", "bandwidthMbps",
                "monthlyPrice", "yearlyPrice", "hourlyPrice", "stock"), fields);
        assertEquals("Intel Xeon Gold 6330", item.get("cpu").get("model").getStringValue());
        assertEquals(28, item.get("cpu").get("cores").getIntValue());
        assertEquals(256, item.get("memoryGiB").getIntValue());
        assertEquals("NVME", item.get("disks").get(0).get("type").getStringValue());
        assertEquals(1920, item.get("disks").get(0).get("sizeGiB").getIntValue());
        assertEquals(2, item.get("disks").get(0).get("count").getIntValue());
        assertEquals(1000, item.get("bandwidthMbps").getIntValue());
    }

    @Test
    void aMonthlyQuoteIsTheWholePriceAndTheTermIfBoughtNow_C4_P2_P3() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        function.clock().set(Instant.parse("2016-01-31T02:00:00.750Z")); // 10:00:00.750 in Shanghai

        JsonNode quote = get("catalog-quote.json", quotePath(spec, "billingMethod=MONTHLY_PACKAGE&quantity=3&unit=MONTH&count=1"));

        assertEquals("MONTHLY_PACKAGE", quote.get("billingMethod").getStringValue());
        assertEquals(3, quote.get("quantity").getIntValue());
        assertEquals("MONTH", quote.get("duration").get("unit").getStringValue());
        assertEquals(1, quote.get("duration").get("count").getIntValue());
        assertEquals("3000.00", quote.get("amount").getStringValue());
        assertEquals("2016-01-31T10:00:00+08:00", quote.get("termStartsAt").getStringValue());
        assertEquals("2016-02-29T23:59:59+08:00", quote.get("expiresAt").getStringValue());
        assertEquals(5, fixtures.stock(spec[0], spec[1]), "a quote writes nothing");

        JsonNode yearly = get("catalog-quote.json", quotePath(spec, "billingMethod=MONTHLY_PACKAGE&quantity=2&unit=YEAR&count=3"));
        assertEquals("60000.00", yearly.get("amount").getStringValue());
        assertEquals("2019-01-31T23:59:59+08:00", yearly.get("expiresAt").getStringValue());
    }

    @Test
    void aPayByConfigurationQuoteIsTheRunningCostTimesTheQuantity_C4_G1() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        JsonNode quote = get("catalog-quote.json", quotePath(spec, "billingMethod=PAY_BY_CONFIGURATION&quantity=3"));
        assertEquals("PAY_BY_CONFIGURATION", quote.get("billingMethod").getStringValue());
        assertEquals(3, quote.get("quantity").getIntValue());
        assertEquals("6.00", quote.get("hourly").getStringValue());
        assertEquals("144.00", quote.get("daily").getStringValue(), "24 h");
        assertEquals("4320.00", quote.get("monthly").getStringValue(), "30 days");
        assertEquals("50.00", quote.get("launchThreshold").getStringValue());
        assertFalse(quote.get("hourly").isNumber(), "M1: money is a string");
    }

    @Test
    void aPayByConfigurationQuoteShowsThePriceInEffectNow_C4_G2() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5); // hourly 2.00
        Instant change = Instant.parse("2026-05-01T10:00:00Z");
        fixtures.changeHourlyPrice(spec, "3.00", change);
        String path = quotePath(spec, "billingMethod=PAY_BY_CONFIGURATION&quantity=2");

        function.clock().set(change.minusSeconds(1));
        assertEquals("4.00", get("catalog-quote.json", path).get("hourly").getStringValue());
        function.clock().set(change);
        assertEquals("6.00", get("catalog-quote.json", path).get("hourly").getStringValue());
        assertEquals("144.00", get("catalog-quote.json", path).get("daily").getStringValue());
    }

    static Stream<Arguments> badQuotes() {
        return Stream.of(
                Arguments.of("", List.of("billingMethod", "quantity")),
                Arguments.of("billingMethod=MONTHLY&quantity=1", List.of("billingMethod")),
                Arguments.of("billingMethod=PAY_BY_CONFIGURATION&quantity=0", List.of("quantity")),
                Arguments.of("billingMethod=PAY_BY_CONFIGURATION&quantity=101", List.of("quantity")),
                Arguments.of("billingMethod=PAY_BY_CONFIGURATION&quantity=1.5", List.of("quantity")),
                Arguments.of("billingMethod=PAY_BY_CONFIGURATION&quantity=1&unit=MONTH&count=1", List.of("unit", "count")),
                Arguments.of("billingMethod=MONTHLY_PACKAGE&quantity=1", List.of("unit", "count")),
                Arguments.of("billingMethod=MONTHLY_PACKAGE&quantity=1&unit=MONTH&count=10", List.of("count")),
                Arguments.of("billingMethod=MONTHLY_PACKAGE&quantity=1&unit=YEAR&count=4", List.of("count")),
                Arguments.of("billingMethod=MONTHLY_PACKAGE&quantity=1&unit=WEEK&count=1", List.of("unit")),
                Arguments.of("billingMethod=MONTHLY_PACKAGE&quantity=1&unit=MONTH&count=0", List.of("count")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void badQuotes(String query, List<String> fields) {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        JsonNode problem = api.problem(api.call("catalog-quote.json", "GET", quotePath(spec, query), null, null, null,
                Map.of()), 400, "VALIDATION_FAILED");
        assertEquals(fields.stream().sorted().toList(), errorFields(problem).stream().sorted().toList());
    }

    @Test
    void aQuoteOfAnUnknownNodeOrSpecIsNotFound_C4() {
        String[] spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 5);
        String query = "?billingMethod=PAY_BY_CONFIGURATION&quantity=1";
        api.problem(api.call("catalog-quote.json", "GET", "/catalog/nodes/" + Ids.next("node") + "/specs/" + spec[1]
                + "/quote" + query, null, null, null, Map.of()), 404, "NOT_FOUND");
        api.problem(api.call("catalog-quote.json", "GET", "/catalog/nodes/" + spec[0] + "/specs/" + Ids.next("spec")
                + "/quote" + query, null, null, null, Map.of()), 404, "NOT_FOUND");
    }

    static String quotePath(String[] spec, String query) {
        return "/catalog/nodes/" + spec[0] + "/specs/" + spec[1] + "/quote" + (query.isEmpty() ? "" : "?" + query);
    }
}
