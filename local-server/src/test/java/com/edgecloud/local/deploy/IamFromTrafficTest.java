package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.http.HttpFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege proven by traffic (issue 16). Every function module's tests record the AWS calls
 * their function made (functions/testing's AwsCallRecorder, in {@code target/aws-calls/calls.tsv});
 * this test reads each function's IAM statements from template.yaml as the SAM transform expands
 * them and fails on any recorded call they would refuse. It prints the calls recorded per function
 * and every grant no test used. It needs the function modules' tests to have run first: `mvn -B
 * verify` from the root does that (the reactor builds local-server last).
 */
class IamFromTrafficTest {

    /** The names tests give the secrets (CallbackSecretSourcesTest, NotificationDispatchAwsApiTest). */
    static final String[] PARAMETERS = {"SmtpPasswordSecret=edge-server-billing/smtp-password"};
    static final String ARN = "arn:aws:%s:ap-east-1:123456789012:%s";

    static JsonNode functions;
    static Map<String, String> tableLogicalIds = new HashMap<>();
    static Map<String, Set<String>> callsByFunction = new TreeMap<>();

    record Grant(String action, String resource) {
    }

    @BeforeAll
    static void load() throws IOException, ClassNotFoundException {
        PythonTools.require("samtranslator");
        Path out = Files.createDirectories(Path.of("target", "template-checks")).resolve("iam.json");
        PythonTools.runScript("iam_policies.py", PythonTools.root().resolve("template.yaml"), out, PARAMETERS);
        JsonNode iam = new ObjectMapper().readTree(out.toFile());
        functions = iam.get("Functions");
        TableNames defaults = TableNames.defaults();
        for (RecordComponent c : TableNames.class.getRecordComponents()) {
            String env = c.getName().toUpperCase(Locale.ROOT) + "_TABLE";
            try {
                tableLogicalIds.put((String) c.getAccessor().invoke(defaults), iam.get("TableEnvironment").get(env).asText());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        readCalls();
    }

    @Test
    void everyCallTheTestsMadeIsAllowedByItsFunctionsPolicies() {
        List<String> refused = new ArrayList<>();
        StringBuilder report = new StringBuilder("\nAWS calls recorded per function (issue 16):\n");
        functions.fieldNames().forEachRemaining(function -> {
            Set<String> calls = callsByFunction.getOrDefault(function, Set.of());
            List<Grant> grants = grants(function);
            Set<Grant> used = new TreeSet<>(Comparator.comparing(Grant::action).thenComparing(Grant::resource));
            for (String call : calls) {
                String[] parts = call.split("\t");
                List<Grant> allowing = grants.stream().filter(g -> matches(g.action(), parts[0], true)
                        && matches(g.resource(), parts[1], false)).toList();
                if (allowing.isEmpty()) {
                    refused.add(function + ": " + parts[0] + " on " + parts[1]);
                }
                used.addAll(allowing);
            }
            report.append(String.format(Locale.ROOT, "  %-30s %3d calls, %3d of %3d grants used%n",
                    function, calls.size(), used.size(), grants.size()));
            calls.forEach(c -> report.append("      call   ").append(c.replace('\t', ' ')).append('\n'));
            grants.stream().filter(g -> !used.contains(g)).forEach(g -> report.append("      unused ")
                    .append(g.action()).append(' ').append(g.resource()).append('\n'));
        });
        System.out.println(report);
        assertEquals(List.of(), refused, "calls the template's IAM policies would refuse");
    }

    @Test
    void everyFunctionsTestsRecordedCalls() {
        List<String> silent = new ArrayList<>();
        functions.fieldNames().forEachRemaining(f -> {
            if (callsByFunction.getOrDefault(f, Set.of()).isEmpty()) {
                silent.add(f);
            }
        });
        assertEquals(List.of(), silent, "functions whose tests recorded no AWS call: run `mvn -B verify` from the root");
    }

    @Test
    void theRecorderSeesThroughTransactions() {
        assertFalse(callsByFunction.isEmpty(), "no calls recorded at all");
        assertTrue(callsByFunction.getOrDefault("PurchaseFunction", Set.of()).stream()
                .anyMatch(c -> c.startsWith("dynamodb:ConditionCheckItem\t") || c.startsWith("dynamodb:PutItem\t")),
                "a purchase writes in a transaction: its items are recorded one by one");
    }

    // ------------------------------------------------------------------ policies

    static List<Grant> grants(String function) {
        List<Grant> grants = new ArrayList<>();
        for (JsonNode s : functions.get(function).get("Statements")) {
            assertEquals("Allow", s.get("Effect").asText(), function + ": only Allow statements are modelled");
            for (JsonNode action : s.get("Action")) {
                for (JsonNode resource : s.get("Resource")) {
                    grants.add(new Grant(action.asText(), resource.asText()));
                }
            }
        }
        return grants;
    }

    /** IAM's wildcards: {@code *} any run, {@code ?} one character; actions ignore case. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches();
    }

    // ------------------------------------------------------------------ recorded calls

    static void readCalls() throws IOException, ClassNotFoundException {
        Map<String, List<String>> functionsByPackage = new HashMap<>(); // UsageBilling and UsageBucket share one
        List<String> httpFunctions = new ArrayList<>();
        var names = functions.fieldNames();
        while (names.hasNext()) {
            String function = names.next();
            String handler = functions.get(function).get("Handler").asText().split("::")[0];
            functionsByPackage.computeIfAbsent(handler.substring(0, handler.lastIndexOf('.')), p -> new ArrayList<>())
                    .add(function);
            if (HttpFunction.class.isAssignableFrom(Class.forName(handler))) {
                httpFunctions.add(function);
            }
        }
        List<Path> files;
        try (Stream<Path> modules = Files.list(PythonTools.root().resolve("functions"))) {
            files = modules.map(m -> m.resolve("target/aws-calls/calls.tsv")).filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split("\t");
                List<String> whose = parts[0].equals("priming") ? httpFunctions
                        : functionsByPackage.getOrDefault(parts[0], List.of());
                String call = parts[1] + "\t" + arn(parts[1], parts[2]);
                whose.forEach(f -> callsByFunction.computeIfAbsent(f, k -> new TreeSet<>()).add(call));
            }
        }
    }

    /** The ARN IAM evaluates for a recorded resource. */
    static String arn(String action, String resource) {
        if (resource.equals("*")) {
            return "*";
        }
        String kind = resource.substring(0, resource.indexOf('/'));
        String name = resource.substring(resource.indexOf('/') + 1);
        return switch (kind) {
            case "table" -> {
                String[] t = name.split("/", 2);
                yield String.format(ARN, "dynamodb", "table/" + tableLogicalIds.getOrDefault(t[0], "UNKNOWN-" + t[0])
                        + (t.length > 1 ? "/" + t[1] : ""));
            }
            case "parameter" -> String.format(ARN, "ssm", "parameter/" + name);
            // Secrets Manager appends six random characters to a secret's name in its ARN
            case "secret" -> String.format(ARN, "secretsmanager", "secret:" + name + "-AbCdEf");
            case "topic" -> String.format(ARN, "sns", name);
            default -> action + " on " + resource;
        };
    }
}
