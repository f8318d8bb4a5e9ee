package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.runtime.Observability;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;

/**
 * template.yaml is what AWS runs; the code (Tables, TableNames, the handler classes) is what the
 * tests and the local server run. This test fails when the two drift apart.
 */
class TemplateMatchesCodeTest {

    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String HTTP_API = "AWS::Serverless::HttpApi";
    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String JWT_AUTHORIZER = "JwtAuthorizer";
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final String QUEUE = "AWS::SQS::Queue";
    private static final String ALARM_TOPIC = "AlarmTopic";

    /** SPEC §9: the only routes reachable without a JWT. */
    private static final Set<String> PUBLIC_ROUTES = Set.of(
            "GET /catalog/nodes",
            "GET /catalog/nodes/{nodeId}/specs",
            "GET /catalog/nodes/{nodeId}/specs/{specId}/quote",
            "POST /payments/callback"); // signed by the provider instead (A5)

    /** SPEC §9/§10: the HTTP functions that exist so far, and the routes each must serve. */
    private static final Map<String, Set<String>> HTTP_FUNCTIONS = Map.of(
            "CatalogFunction", Set.of("GET /catalog/nodes", "GET /catalog/nodes/{nodeId}/specs",
                    "GET /catalog/nodes/{nodeId}/specs/{specId}/quote"),
            "PurchaseFunction", Set.of("POST /instances"),
            "InstancesFunction", Set.of("GET /instances", "GET /instances/{id}", "GET /instances/{id}/terms",
                    "GET /instances/{id}/operations", "POST /instances/{id}/start", "POST /instances/{id}/stop",
                    "POST /instances/{id}/reinstall"),
            "RenewalFunction", Set.of("POST /instances/{id}/renewals", "GET /instances/{id}/auto-renewal",
                    "PUT /instances/{id}/auto-renewal"),
            "AccountFunction", Set.of("GET /account", "GET /account/ledger", "GET /account/message-settings",
                    "PUT /account/message-settings", "GET /account/messages", "POST /account/messages/{id}/read",
                    "POST /account/recharges"),
            "PaymentCallbackFunction", Set.of("POST /payments/callback"),
            "AdminFunction", Set.of(
                    "PUT /admin/accounts/{id}",
                    "POST /admin/accounts/{id}/coupons",
                    "PUT /admin/catalog/nodes/{nodeId}",
                    "PUT /admin/catalog/nodes/{nodeId}/specs/{specId}",
                    "GET /admin/deliveries",
                    "POST /admin/deliveries/{id}/retry"));

    private static Path root;
    private static Map<String, Object> template;

    @BeforeAll
    static void loadTemplate() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        assertNotNull(dir, "no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
        root = dir;
        template = map(parse(root.resolve("template.yaml")), "template.yaml");
    }

    @Test
    void everyFunctionNamesAHandlerClassThatExists() throws IOException {
        Map<String, Map<String, Object>> functions = resources(FUNCTION);
        assertFalse(functions.isEmpty(), "the template declares no function");
        for (var function : functions.entrySet()) {
            String id = function.getKey();
            Map<String, Object> props = function.getValue();
            String handler = string(props.get("Handler"), id + ".Handler");
            String[] parts = handler.split("::");
            assertEquals(2, parts.length, id + ".Handler is not class::method: " + handler);
            String className = parts[0];
            String methodName = parts[1];

            Class<?> type = assertDoesNotThrow(
                    () -> Class.forName(className, false, Thread.currentThread().getContextClassLoader()),
                    id + ": no class " + className + " on the classpath");
            assertTrue(RequestHandler.class.isAssignableFrom(type), className + " is not a RequestHandler");
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
                    className + " is not a public concrete class");
            assertDoesNotThrow(() -> type.getConstructor(), className + " has no public no-arg constructor");
            assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(methodName)),
                    className + " has no public method " + methodName);

            // BuildMethod makefile (issue 16): CodeUri is the repository, the Makefile's
            // build-<LogicalId> names the module it builds
            assertEquals(".", props.get("CodeUri"), id + ".CodeUri");
            assertEquals(Map.of("BuildMethod", "makefile"), map(template.get("Resources"), "Resources").entrySet().stream()
                    .filter(r -> r.getKey().equals(id)).map(r -> map(r.getValue(), id).get("Metadata")).findFirst().orElse(null),
                    id + ".Metadata");
            Matcher target = Pattern.compile("(?m)^build-" + id + ":\\n\\t\\$\\(call build_function,([^)]+)\\)")
                    .matcher(Files.readString(root.resolve("Makefile")));
            assertTrue(target.find(), "the Makefile has no build-" + id + " calling build_function");
            Path codeUri = root.resolve(target.group(1));
            assertTrue(Files.isRegularFile(codeUri.resolve("pom.xml")), id + ": no pom.xml in " + codeUri);
            String source = "src/main/java/" + className.replace('.', '/').replaceFirst("\\$.*", "") + ".java";
            assertTrue(Files.isRegularFile(codeUri.resolve(source)),
                    id + ": " + className + " is not built from its CodeUri " + codeUri);
        }
    }

    @Test
    void everyHttpFunctionOfSpecIsDeclared() {
        Map<String, Map<String, Object>> functions = resources(FUNCTION);
        List<Route> routes = routes();
        for (var expected : HTTP_FUNCTIONS.entrySet()) {
            assertTrue(functions.containsKey(expected.getKey()), "no function " + expected.getKey());
            Set<String> served = routes.stream()
                    .filter(r -> r.function().equals(expected.getKey()))
                    .map(Route::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertTrue(served.containsAll(expected.getValue()),
                    expected.getKey() + " serves " + served + ", should serve " + new TreeSet<>(expected.getValue()));
        }
        Map<String, List<String>> owners = new TreeMap<>();
        routes.forEach(r -> owners.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.function()));
        owners.forEach((route, fns) -> assertEquals(1, fns.size(), route + " is declared by " + fns));
    }

    @Test
    void everyTableAndIndexTheCodeUsesIsDeclared() {
        Map<String, Map<String, Object>> declared = resources(TABLE);
        Set<String> known = new TreeSet<>();
        for (CreateTableRequest code : Tables.definitions(TableNames.defaults())) {
            String id = code.tableName() + "Table";
            known.add(id);
            Map<String, Object> table = declared.get(id);
            assertNotNull(table, "the code uses table " + code.tableName() + ", the template has no " + id);

            assertNull(table.get("TableName"), id + ": CloudFormation names the table; the env vars carry the name");
            assertEquals(code.billingModeAsString(), table.get("BillingMode"), id + ".BillingMode");
            assertEquals(keys(code.keySchema()), templateKeys(table.get("KeySchema"), id), id + ".KeySchema");
            Set<String> codeAttributes = code.attributeDefinitions().stream()
                    .map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> templateAttributes = list(table.getOrDefault("AttributeDefinitions", List.of()), id).stream()
                    .map(a -> map(a, id))
                    .map(a -> a.get("AttributeName") + ":" + a.get("AttributeType"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(codeAttributes, templateAttributes, id + ".AttributeDefinitions");
            Map<String, String> codeGsis = new TreeMap<>();
            for (GlobalSecondaryIndex gsi : code.globalSecondaryIndexes()) {
                codeGsis.put(gsi.indexName(), keys(gsi.keySchema()) + " " + gsi.projection().projectionTypeAsString());
            }
            assertEquals(codeGsis, templateIndexes(table.get("GlobalSecondaryIndexes"), id), id + ".GlobalSecondaryIndexes");
            Map<String, String> codeLsis = new TreeMap<>();
            for (LocalSecondaryIndex lsi : code.localSecondaryIndexes()) {
                codeLsis.put(lsi.indexName(), keys(lsi.keySchema()) + " " + lsi.projection().projectionTypeAsString());
            }
            assertEquals(codeLsis, templateIndexes(table.get("LocalSecondaryIndexes"), id), id + ".LocalSecondaryIndexes");

            String codeStream = code.streamSpecification() != null && Boolean.TRUE.equals(code.streamSpecification().streamEnabled())
                    ? code.streamSpecification().streamViewTypeAsString() : null;
            Object templateStream = table.get("StreamSpecification") == null
                    ? null : map(table.get("StreamSpecification"), id).get("StreamViewType");
            assertEquals(codeStream, templateStream, id + ".StreamSpecification.StreamViewType");

            Object ttl = table.get("TimeToLiveSpecification");
            if (code.tableName().equals(TableNames.defaults().idempotency())) {
                assertNotNull(ttl, id + " has no TTL");
                assertEquals(Tables.IDEMPOTENCY_TTL, map(ttl, id).get("AttributeName"), id + " TTL attribute");
                assertEquals(Boolean.TRUE, map(ttl, id).get("Enabled"), id + " TTL enabled");
            } else {
                assertNull(ttl, id + " has a TTL the code does not set");
            }
        }
        assertEquals(known, new TreeSet<>(declared.keySet()), "the template's tables and the code's");
    }

    @Test
    void everyFunctionGetsEveryTableNameVariable() throws ReflectiveOperationException {
        TableNames defaults = TableNames.defaults();
        Set<String> tables = resources(TABLE).keySet();
        for (String function : resources(FUNCTION).keySet()) {
            Map<String, Object> env = environment(function);
            Map<String, String> refs = new HashMap<>();
            env.forEach((name, value) -> {
                if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String target && tables.contains(target)) {
                    refs.put(name, target);
                }
            });
            // The code reads the variables through TableNames.from: with the Refs resolved to the
            // logical ids, every name must come from the template, none from the defaults.
            TableNames seen = TableNames.from(refs);
            for (RecordComponent table : TableNames.class.getRecordComponents()) {
                String expected = table.getAccessor().invoke(defaults) + "Table";
                assertEquals(expected, table.getAccessor().invoke(seen),
                        function + ": the variable TableNames reads for '" + table.getName() + "' is not !Ref " + expected);
            }
            assertEquals(Map.of("Ref", "BillingZone"), env.get("BILLING_ZONE"), function + ".BILLING_ZONE");
        }
        assertEquals(ExpiryCalendar.DEFAULT_ZONE.getId(), at(template, "Parameters", "BillingZone", "Default"),
                "T1: the template's default billing zone");
    }

    @Test
    void httpRoutesUseTheJwtAuthorizerExceptThePublicCatalog() {
        Map<String, Map<String, Object>> apis = resources(HTTP_API);
        assertEquals(1, apis.size(), "HTTP APIs: " + apis.keySet());
        String apiId = apis.keySet().iterator().next();
        Map<String, Object> auth = map(apis.get(apiId).get("Auth"), apiId + ".Auth");
        assertEquals(JWT_AUTHORIZER, auth.get("DefaultAuthorizer"), apiId + ".Auth.DefaultAuthorizer");
        Map<String, Object> jwt = map(at(auth, "Authorizers", JWT_AUTHORIZER), JWT_AUTHORIZER);
        assertEquals("$request.header.Authorization", jwt.get("IdentitySource"), JWT_AUTHORIZER + ".IdentitySource");
        assertEquals(Map.of("Ref", "JwtIssuer"), at(jwt, "JwtConfiguration", "issuer"), JWT_AUTHORIZER + " issuer");
        assertEquals(List.of(Map.of("Ref", "JwtAudience")), at(jwt, "JwtConfiguration", "audience"), JWT_AUTHORIZER + " audience");

        for (var function : resources(FUNCTION).entrySet()) {
            Map<String, Object> events = map(function.getValue().getOrDefault("Events", Map.of()), function.getKey());
            events.forEach((name, event) -> assertFalse("Api".equals(map(event, name).get("Type")),
                    function.getKey() + "." + name + " is a REST API event; the API is an HTTP API (payload 2.0)"));
        }
        List<Route> routes = routes();
        assertFalse(routes.isEmpty(), "no HttpApi route");
        for (Route route : routes) {
            String where = route.function() + "." + route.event() + " (" + route.key() + ")";
            // Without ApiId, SAM puts the route on an implicit API that has no authorizer.
            assertEquals(Map.of("Ref", apiId), route.properties().get("ApiId"), where + ".ApiId");
            Object version = route.properties().get("PayloadFormatVersion");
            assertTrue(version == null || "2.0".equals(version), where + " payload format " + version);
            Object authorizer = route.properties().get("Auth") == null
                    ? JWT_AUTHORIZER : map(route.properties().get("Auth"), where).getOrDefault("Authorizer", JWT_AUTHORIZER);
            assertEquals(PUBLIC_ROUTES.contains(route.key()) ? "NONE" : JWT_AUTHORIZER, authorizer, where + " authorizer");
        }
    }

    @Test
    void eventsAreHttpApiPayload2() throws IOException {
        Map<String, Route> declared = new HashMap<>();
        routes().forEach(r -> declared.put(r.key(), r));
        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve("events"))) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        Set<String> functionsWithAnEvent = new TreeSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Map<String, Object> event = map(parse(file), name);
            if (event.containsKey("detail-type") || event.containsKey("Records")) {
                continue; // EventBridge or stream events of the non-HTTP functions
            }
            assertEquals("2.0", event.get("version"), name + ": version");
            String routeKey = string(event.get("routeKey"), name + ".routeKey");
            Route route = declared.get(routeKey);
            assertNotNull(route, name + ": the template declares no route " + routeKey);
            functionsWithAnEvent.add(route.function());

            Map<String, Object> context = map(event.get("requestContext"), name + ".requestContext");
            assertEquals(routeKey, context.get("routeKey"), name + ": requestContext.routeKey");
            assertEquals("$default", context.get("stage"), name + ": requestContext.stage");
            assertInstanceOf(String.class, context.get("requestId"), name + ": requestContext.requestId");
            assertInstanceOf(Number.class, context.get("timeEpoch"), name + ": requestContext.timeEpoch");
            assertEquals(route.method(), at(context, "http", "method"), name + ": requestContext.http.method");
            String rawPath = string(event.get("rawPath"), name + ".rawPath");
            assertEquals(rawPath, at(context, "http", "path"), name + ": requestContext.http.path");
            assertInstanceOf(String.class, event.get("rawQueryString"), name + ": rawQueryString");
            assertEquals(route.pathParameters(rawPath, name), event.getOrDefault("pathParameters", Map.of()),
                    name + ": pathParameters of " + rawPath);
            assertEquals(Boolean.FALSE, event.get("isBase64Encoded"), name + ": isBase64Encoded");

            Map<String, Object> headers = map(event.get("headers"), name + ".headers");
            headers.keySet().forEach(h -> assertEquals(h.toLowerCase(), h, name + ": header names are lowercase in payload 2.0"));
            if (event.get("body") != null) {
                String body = string(event.get("body"), name + ".body");
                assertEquals("application/json", headers.get("content-type"), name + ": content-type of the body");
                assertInstanceOf(Map.class, new Yaml().load(body), name + ": body is a JSON object");
            }
            if (!PUBLIC_ROUTES.contains(routeKey)) {
                Object sub = at(context, "authorizer", "jwt", "claims", "sub");
                assertTrue(sub instanceof String s && !s.isBlank(), name + ": requestContext.authorizer.jwt.claims.sub");
                assertTrue(String.valueOf(headers.get("authorization")).startsWith("Bearer "), name + ": authorization header");
            }
        }
        Set<String> httpFunctions = declared.values().stream().map(Route::function).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(httpFunctions, functionsWithAnEvent, "HTTP functions with a sample event in events/");
    }

    @Test
    void openApiDocumentListsExactlyTheTemplatesRoutes() {
        String document = LocalOpenApiController.read();
        assertNotNull(document, "no " + ApiDocument.RESOURCE + ": micronaut-openapi did not run in local-server");
        Map<String, Object> openApi = map(new Yaml().load(document), ApiDocument.RESOURCE);
        assertTrue(String.valueOf(openApi.get("openapi")).startsWith("3."), "OpenAPI version " + openApi.get("openapi"));
        Set<String> documented = new TreeSet<>();
        map(openApi.get("paths"), "paths").forEach((path, operations) -> {
            if (!path.startsWith("/_local/")) { // local-only (SPEC §10), never deployed
                map(operations, path).keySet().stream()
                        .filter(Set.of("get", "put", "post", "delete", "patch", "head", "options")::contains)
                        .forEach(method -> documented.add(normalised(method.toUpperCase() + " " + path)));
            }
        });
        Set<String> declared = routes().stream().map(r -> normalised(r.key()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> undocumented = new TreeSet<>(declared);
        undocumented.removeAll(documented);
        Set<String> undeclared = new TreeSet<>(documented);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undocumented, "routes of template.yaml no controller documents");
        assertEquals(Set.of(), undeclared, "controller routes template.yaml does not declare");
    }

    @Test
    void everyFunctionHasAMemorySizeAndATimeout() {
        for (var function : resources(FUNCTION).entrySet()) {
            for (String setting : List.of("MemorySize", "Timeout")) {
                Object value = function.getValue().containsKey(setting)
                        ? function.getValue().get(setting) : at(template, "Globals", "Function", setting);
                assertInstanceOf(Number.class, value, function.getKey() + "." + setting + " (its own or the Globals')");
            }
        }
    }

    @Test
    void everyAlarmWatchesAFunctionOrQueueOfTheTemplateAndNotifiesTheAlarmTopic() {
        Map<String, Map<String, Object>> alarms = resources(ALARM);
        assertFalse(alarms.isEmpty(), "the template declares no alarm");
        assertNotNull(resources(TOPIC).get(ALARM_TOPIC), "no SNS topic " + ALARM_TOPIC);
        for (var alarm : alarms.entrySet()) {
            String id = alarm.getKey();
            Map<String, Object> props = alarm.getValue();
            string(props.get("MetricName"), id + ".MetricName");
            List<Object> dimensions = list(props.get("Dimensions"), id + ".Dimensions");
            Map<String, Object> dimension = map(dimensions.get(0), id + ".Dimensions[0]");
            if ("ApiId".equals(dimension.get("Name"))) {
                // API Gateway's own metrics: the API, its one stage, and for a route its method and path
                assertEquals(Map.of("Ref", "HttpApi"), dimension.get("Value"), id + " watches another API");
                assertEquals("AWS/ApiGateway", props.get("Namespace"), id + ".Namespace");
                assertTrue(list(props.get("AlarmActions"), id + ".AlarmActions").contains(Map.of("Ref", ALARM_TOPIC)),
                        id + " does not notify " + ALARM_TOPIC);
                continue;
            }
            assertEquals(1, dimensions.size(), id + ": one dimension, the function or queue it watches");
            Object value = dimension.get("Value");
            switch (string(dimension.get("Name"), id + ".Dimensions[0].Name")) {
                case "FunctionName" -> {
                    Object target = map(value, id + " FunctionName").get("Ref");
                    assertTrue(resources(FUNCTION).containsKey(target), id + " watches " + value + ", not a function of the template");
                }
                case "QueueName" -> {
                    Object getAtt = map(value, id + " QueueName").get("Fn::GetAtt");
                    String target = getAtt instanceof List<?> parts ? parts.get(0) + "." + parts.get(1) : String.valueOf(getAtt);
                    assertTrue(target.endsWith(".QueueName") && resources(QUEUE).containsKey(target.substring(0, target.indexOf('.'))),
                            id + " watches " + value + ", not a queue of the template");
                }
                default -> fail(id + ": dimension " + dimension + " names neither a function nor a queue");
            }
            assertTrue(list(props.get("AlarmActions"), id + ".AlarmActions").contains(Map.of("Ref", ALARM_TOPIC)),
                    id + " does not notify " + ALARM_TOPIC);
            if (!String.valueOf(props.get("Namespace")).startsWith("AWS/")) {
                // a custom metric: one the code writes (Observability), under the dimension it writes
                assertEquals(Observability.NAMESPACE, props.get("Namespace"), id + ".Namespace");
                assertTrue(Set.of(Observability.SWEEP_STOPPED_EARLY, Observability.DELIVERIES_FAILED).contains(props.get("MetricName")),
                        id + ": the code writes no metric " + props.get("MetricName"));
                assertEquals(Observability.FUNCTION_NAME, dimension.get("Name"), id + " dimension");
            }
        }
    }

    @Test
    void theOutputsNameTheApiTheTablesAndTheAlarmTopic() {
        Map<String, Object> outputs = map(template.get("Outputs"), "Outputs");
        Set<Object> values = outputs.values().stream().map(o -> map(o, "Outputs").get("Value")).collect(Collectors.toSet());
        for (String table : resources(TABLE).keySet()) {
            assertTrue(values.contains(Map.of("Ref", table)), "no output names " + table);
        }
        assertTrue(values.contains(Map.of("Ref", ALARM_TOPIC)), "no output names " + ALARM_TOPIC);
        assertNotNull(outputs.get("ApiUrl"), "no output ApiUrl");
    }

    /** {@code GET /instances/{instanceId}} and {@code GET /instances/{id}} are one route. */
    private static String normalised(String route) {
        return route.replaceAll("\\{[^}/]+}", "{}");
    }

    // ------------------------------------------------------------------ template access

    /** One HttpApi event of a function. */
    private record Route(String function, String event, String method, String path, Map<String, Object> properties) {

        String key() {
            return method + " " + path;
        }

        /** The path parameters API Gateway would pass for a request to {@code rawPath}. */
        Map<String, Object> pathParameters(String rawPath, String where) {
            List<String> names = new ArrayList<>();
            Matcher param = Pattern.compile("\\{([^}/]+)}").matcher(path);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (param.find()) {
                regex.append(Pattern.quote(path.substring(last, param.start()))).append("([^/]+)");
                names.add(param.group(1));
                last = param.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            Matcher match = Pattern.compile(regex.toString()).matcher(rawPath);
            if (!match.matches()) {
                fail(where + ": " + rawPath + " does not match the route " + key());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), match.group(i + 1));
            }
            return values;
        }
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        resources(FUNCTION).forEach((function, props) -> map(props.getOrDefault("Events", Map.of()), function)
                .forEach((event, value) -> {
                    Map<String, Object> definition = map(value, function + "." + event);
                    if ("HttpApi".equals(definition.get("Type"))) {
                        Map<String, Object> p = map(definition.get("Properties"), function + "." + event);
                        routes.add(new Route(function, event,
                                string(p.get("Method"), event + ".Method").toUpperCase(),
                                string(p.get("Path"), event + ".Path"), p));
                    }
                }));
        return routes;
    }

    /** The Properties of every resource of a type, by logical id. */
    private static Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        map(template.get("Resources"), "Resources").forEach((id, value) -> {
            Map<String, Object> resource = map(value, id);
            if (type.equals(resource.get("Type"))) {
                found.put(id, map(resource.getOrDefault("Properties", Map.of()), id + ".Properties"));
            }
        });
        return found;
    }

    /** The environment a function runs with: the Globals, overridden by its own. */
    private static Map<String, Object> environment(String function) {
        Map<String, Object> env = new HashMap<>();
        Object global = at(template, "Globals", "Function", "Environment", "Variables");
        if (global != null) {
            env.putAll(map(global, "Globals.Function.Environment.Variables"));
        }
        Object own = at(resources(FUNCTION).get(function), "Environment", "Variables");
        if (own != null) {
            env.putAll(map(own, function + ".Environment.Variables"));
        }
        return env;
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }

    private static List<String> templateKeys(Object schema, String where) {
        return list(schema, where + ".KeySchema").stream()
                .map(k -> map(k, where))
                .map(k -> k.get("AttributeName") + ":" + k.get("KeyType"))
                .toList();
    }

    private static Map<String, String> templateIndexes(Object indexes, String where) {
        Map<String, String> found = new TreeMap<>();
        if (indexes != null) {
            for (Object value : list(indexes, where)) {
                Map<String, Object> index = map(value, where);
                String name = string(index.get("IndexName"), where + " IndexName");
                found.put(name, templateKeys(index.get("KeySchema"), where + "." + name)
                        + " " + at(index, "Projection", "ProjectionType"));
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ YAML

    private static Object parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new CloudFormationConstructor()).load(reader);
        }
    }

    /**
     * Reads the short forms of CloudFormation's intrinsic functions as their long forms:
     * {@code !Ref X} becomes {@code {Ref: X}}, {@code !Sub s} becomes {@code {Fn::Sub: s}}.
     */
    private static final class CloudFormationConstructor extends SafeConstructor {

        private static final List<String> FUNCTIONS = List.of(
                "Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Equals", "Select", "Split",
                "FindInMap", "ImportValue", "Not", "And", "Or", "Base64", "Cidr", "GetAZs",
                "Transform", "Length", "ToJsonString");

        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                String longForm = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(longForm));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String longForm;

            Intrinsic(String longForm) {
                this.longForm = longForm;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(longForm, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        return assertInstanceOf(Map.class, value, where + " is not a mapping");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        return assertInstanceOf(List.class, value, where + " is not a list");
    }

    private static String string(Object value, String where) {
        return assertInstanceOf(String.class, value, where + " is not a string");
    }

    /** The value at a path of mapping keys, or null where the path stops. */
    private static Object at(Map<String, Object> start, String... path) {
        Object current = start;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }
}
