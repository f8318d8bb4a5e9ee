package com.edgecloud.purchase;

import static com.edgecloud.purchase.PurchaseApi.monthly;
import static com.edgecloud.purchase.PurchaseApi.newKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.edgecloud.billing.catalog.NodeStatus;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.purchase.PurchaseApi.Reply;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that are wrong in form answer 400 VALIDATION_FAILED naming the offending
 * fields (SPEC §9), and write nothing: not even an idempotency record.
 */
class PurchaseValidationIntegrationTest extends PurchaseFunctionTest {

    static String account;
    static String[] spec;

    @BeforeAll
    static void seed() {
        account = fixtures.verifiedAccount();
        fixtures.recharge(account, "1000000.00");
        spec = fixtures.nodeWithSpec(NodeStatus.OPEN, 1000);
    }

    /** A valid monthly body with one field replaced by raw JSON ({@code null}: the field left out). */
    static String with(String field, String rawJson) {
        StringBuilder body = new StringBuilder("{");
        String[][] fields = {
                {"nodeId", "\"" + spec[0] + "\""},
                {"specId", "\"" + spec[1] + "\""},
                {"quantity", "1"},
                {"billingMethod", "\"MONTHLY_PACKAGE\""},
                {"duration", "{\"unit\":\"MONTH\",\"count\":1}"},
                {"paymentMethod", "\"BALANCE\""}};
        boolean replaced = false;
        for (String[] f : fields) {
            String value = f[0].equals(field) ? rawJson : f[1];
            replaced |= f[0].equals(field);
            if (value != null) {
                body.append(body.length() > 1 ? "," : "").append('"').append(f[0]).append("\":").append(value);
            }
        }
        if (!replaced && rawJson != null) {
            body.append(",\"").append(field).append("\":").append(rawJson);
        }
        return body.append('}').toString();
    }

    static String duration(String unit, int count) {
        return with("duration", "{\"unit\":\"" + unit + "\",\"count\":" + count + "}");
    }

    static String payByConfigurationWith(String extra) {
        return "{\"nodeId\":\"" + spec[0] + "\",\"specId\":\"" + spec[1] + "\",\"quantity\":1,"
                + "\"billingMethod\":\"PAY_BY_CONFIGURATION\"" + extra + "}";
    }

    /** Posts with a fresh key, expects 400 naming the fields, and proves nothing was written. */
    static Reply invalid(String body, String... fields) {
        return invalidWithKey(newKey(), body, fields);
    }

    static Reply invalidWithKey(String key, String body, String... fields) {
        Fixtures.Snapshot before = api.snapshot(account, spec);
        Reply reply = api.post(account, key, body).assertValidationFailed(fields);
        assertEquals(before, api.snapshot(account, spec), "a refused request writes nothing");
        assertTrue(reply.body.length() < 4000, "the problem does not echo the request: " + reply.body.length());
        return reply;
    }

    static Stream<Arguments> bodiesThatAreNotAJsonObject() {
        return Stream.of(
                arguments("malformed JSON", "{\"nodeId\":"),
                arguments("not JSON at all", "buy me a server"),
                arguments("a JSON array", "[{\"nodeId\":\"n\"}]"),
                arguments("a JSON string", "\"MONTHLY_PACKAGE\""),
                arguments("a JSON number", "42"),
                arguments("JSON null", "null"),
                arguments("an empty body", ""),
                arguments("a blank body", "   "),
                arguments("no body", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bodiesThatAreNotAJsonObject(String what, String body) {
        invalid(body, "body");
    }

    static Stream<Arguments> bodiesWithSomethingAfterTheObject() {
        String valid = with("quantity", "1");
        return Stream.of(
                arguments("trailing garbage", valid + "garbage"),
                arguments("a stray closing brace", valid + "}"),
                arguments("two objects", valid + valid),
                arguments("an object and an array", valid + " [1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void bodiesWithSomethingAfterTheObject(String what, String body) {
        invalid(body, "body");
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingIt() {
        invalid(with("quantity", "1").replace("\"quantity\":1", "\"quantity\":1,\"quantity\":2"), "quantity");
        invalid(with("nodeId", "null").replace("\"nodeId\":null", "\"nodeId\":null,\"nodeId\":\"" + spec[0] + "\""),
                "nodeId");
        invalid(duration("MONTH", 1).replace("\"count\":1", "\"count\":1,\"count\":9"), "duration.count");
    }

    @Test
    void aByteOrderMarkBeforeTheObjectIsTolerated() {
        api.post(account, newKey(), "\uFEFF" + with("quantity", "1")).assertCreated();
    }

    static Stream<Arguments> fieldsOfTheWrongType() {
        return Stream.of(
                arguments("quantity \"2\" (a string)", with("quantity", "\"2\""), "quantity"),
                arguments("quantity 1.5", with("quantity", "1.5"), "quantity"),
                arguments("quantity true", with("quantity", "true"), "quantity"),
                arguments("billingMethod 7", with("billingMethod", "7"), "billingMethod"),
                arguments("duration \"1m\"", with("duration", "\"1m\""), "duration"),
                arguments("duration.count \"1\"", with("duration", "{\"unit\":\"MONTH\",\"count\":\"1\"}"), "duration.count"),
                arguments("nodeId 12", with("nodeId", "12"), "nodeId"),
                arguments("specId an object", with("specId", "{}"), "specId"),
                arguments("paymentMethod an array", with("paymentMethod", "[\"BALANCE\"]"), "paymentMethod"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fieldsOfTheWrongType(String what, String body, String field) {
        invalid(body, field);
    }

    static Stream<Arguments> missingFields() {
        return Stream.of("nodeId", "specId", "quantity", "billingMethod", "duration").map(f -> arguments(f));
    }

    @ParameterizedTest(name = "{0} is required")
    @MethodSource
    void missingFields(String field) {
        invalid(with(field, null), field);
        invalid(with(field, "null"), field);
    }

    @Test
    void everyOffendingFieldIsNamedInOneAnswer() {
        String body = "{\"specId\":\"\",\"quantity\":0,\"billingMethod\":\"WEEKLY\",\"paymentMethod\":\"CASH\"}";
        invalid(body, "nodeId", "specId", "quantity", "billingMethod", "paymentMethod");
    }

    static Stream<Arguments> unknownEnumValues() {
        return Stream.of(
                arguments("billingMethod WEEKLY", with("billingMethod", "\"WEEKLY\""), "billingMethod"),
                arguments("billingMethod in lower case", with("billingMethod", "\"monthly_package\""), "billingMethod"),
                arguments("paymentMethod CASH", with("paymentMethod", "\"CASH\""), "paymentMethod"),
                arguments("duration unit WEEK", duration("WEEK", 1), "duration.unit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownEnumValues(String what, String body, String field) {
        invalid(body, field);
    }

    static Stream<Arguments> durationsOutsideP1() {
        return Stream.of(
                arguments("0 months", duration("MONTH", 0)),
                arguments("10 months", duration("MONTH", 10)),
                arguments("12 months", duration("MONTH", 12)),
                arguments("-1 months", duration("MONTH", -1)),
                arguments("0 years", duration("YEAR", 0)),
                arguments("4 years", duration("YEAR", 4)),
                arguments("1 DAY", duration("DAY", 1)),
                arguments("no unit", with("duration", "{\"count\":1}")),
                arguments("no count", with("duration", "{\"unit\":\"MONTH\"}")),
                arguments("an empty duration", with("duration", "{}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durationsOutsideP1")
    void durationsOutsideP1AreRefused_P1(String what, String body) {
        Reply reply = api.post(account, newKey(), body).assertProblem(400, "VALIDATION_FAILED");
        List<String> fields = reply.errorFields();
        assertTrue(!fields.isEmpty() && fields.stream().allMatch(f -> f.equals("duration") || f.startsWith("duration.")),
                "only the duration is named: " + reply.brief());
    }

    @Test
    void everyDurationOfP1IsAccepted_P1() {
        for (int months = 1; months <= 9; months++) {
            api.post(account, newKey(), duration("MONTH", months)).assertCreated();
        }
        for (int years = 1; years <= 3; years++) {
            api.post(account, newKey(), duration("YEAR", years)).assertCreated();
        }
    }

    @Test
    void aDurationForPayByConfigurationIsRefused_G1() {
        invalid(payByConfigurationWith(",\"duration\":{\"unit\":\"MONTH\",\"count\":1}"), "duration");
    }

    static Stream<Arguments> absurdQuantities() {
        return Stream.of("0", "-1", "101", "1e12", "1E+3", "100.0e1", "99999999999999999999", "1e400", "-99999999999999999999")
                .map(q -> arguments(q));
    }

    @ParameterizedTest(name = "quantity {0}")
    @MethodSource("absurdQuantities")
    void absurdQuantitiesAreRefused_P2(String quantity) {
        invalid(with("quantity", quantity), "quantity");
    }

    @Test
    void aQuantityOfAHundredIsTheMostOnePurchaseBuys_P2() {
        invalid(monthly(spec, 101, "MONTH", 1), "quantity");
        api.post(account, newKey(), with("quantity", "100")).assertCreated();
    }

    @Test
    void aHundredKilobyteNodeIdIsRefused() {
        invalid(with("nodeId", "\"" + "n".repeat(100 * 1024) + "\""), "nodeId");
    }

    @Test
    void aHundredKilobyteUnknownFieldIsRefused() {
        invalid(with("comment", "\"" + "x".repeat(100 * 1024) + "\""), "comment");
    }

    @Test
    void unknownFieldsAreRefused() {
        invalid(with("price", "\"0.01\""), "price");
        invalid(with("duration", "{\"unit\":\"MONTH\",\"count\":1,\"free\":true}"), "duration.free");
    }

    @Test
    void aLongUnknownFieldNameIsRefusedWithoutBeingEchoed() {
        invalid(with("f".repeat(1000), "1"), "f".repeat(64) + "...");
        // Beyond the JSON parser's limit on names (50 000 characters) the body as a whole is refused.
        Reply reply = api.post(account, newKey(), with("f".repeat(100 * 1024), "1"));
        reply.assertProblem(400, "VALIDATION_FAILED");
        assertTrue(reply.body.length() < 4000, reply.body.length() + " characters");
    }

    @Test
    void thousandsOfUnknownFieldsAreRefusedInOneShortAnswer() {
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            extra.append(",\"f").append(i).append("\":").append(i);
        }
        String body = with("quantity", "1");
        body = body.substring(0, body.length() - 1) + extra + "}";
        Fixtures.Snapshot before = api.snapshot(account, spec);
        Reply reply = api.post(account, newKey(), body).assertProblem(400, "VALIDATION_FAILED");
        assertEquals(before, api.snapshot(account, spec));
        assertTrue(reply.errorFields().contains("f0"), reply.brief());
        assertTrue(reply.errorFields().size() <= 11, reply.brief());
        assertTrue(reply.body.length() < 4000, reply.body.length() + " characters");
    }

    @Test
    void idsWithCharactersOutsideTheIdAlphabetAreRefused() {
        invalid(with("nodeId", "\"node 1\""), "nodeId");
        invalid(with("specId", "\"../spec\""), "specId");
        invalid(with("nodeId", "\"\""), "nodeId");
    }

    @Test
    void theIdempotencyKeyHeaderIsRequired() {
        invalidWithKey(null, with("quantity", "1"), "Idempotency-Key");
        invalidWithKey("", with("quantity", "1"), "Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyLongerThan128CharactersIsRefused() {
        invalidWithKey("k".repeat(129), with("quantity", "1"), "Idempotency-Key");
        invalidWithKey("k".repeat(10_000), with("quantity", "1"), "Idempotency-Key");
        api.post(account, "k".repeat(127) + Character.toString('a' + (int) (Math.random() * 26)),
                with("quantity", "1")).assertCreated();
    }

    @Test
    void anIdempotencyKeyWithSpacesOrControlCharactersIsRefused() {
        invalidWithKey("two words", with("quantity", "1"), "Idempotency-Key");
        invalidWithKey("tab\there", with("quantity", "1"), "Idempotency-Key");
    }

    /** The same checks must hold through the pay-by-configuration branch of the parser. */
    @Test
    void payByConfigurationIsValidatedToo_G1() {
        Function<String, String> pbc = PurchaseValidationIntegrationTest::payByConfigurationWith;
        invalid(pbc.apply(",\"quantity\":0").replace("\"quantity\":1,", ""), "quantity");
        invalid(pbc.apply(",\"paymentMethod\":\"THIRD_PARTY\""), "paymentMethod");
    }
}
