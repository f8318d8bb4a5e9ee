package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a parameter change reaches the `live` alias that API Gateway, EventBridge and the
 * stream invoke, not only $LATEST. The template goes through the SAM transform twice with two
 * values; the version behind `live` must differ (its logical id or its create-only Description,
 * resolved as CloudFormation resolves it), so CloudFormation publishes a new one and moves the
 * alias. A setting a function does not read leaves its version alone.
 */
class ParameterChangesReachLiveTest {

    static final Set<String> SMTP_READERS = Set.of("AdminFunction", "NotificationDispatchFunction");

    /** The defaults: DueBuckets=4, BillingZone=Asia/Shanghai, no SMTP, the default callback secret name. */
    static JsonNode defaults;

    @BeforeAll
    static void translateWithTheDefaults() throws IOException {
        PythonTools.require("samtranslator");
        defaults = versions();
    }

    @Test
    void dueBuckets4And16GiveEveryFunctionAnotherLiveVersion() throws IOException {
        assertEveryChanged(defaults, versions("DueBuckets=16"), "DueBuckets");
    }

    @Test
    void anotherBillingZoneGivesEveryFunctionAnotherLiveVersion_T1() throws IOException {
        assertEveryChanged(defaults, versions("BillingZone=Asia/Hong_Kong"), "BillingZone");
    }

    @Test
    void smtpSettingsChangeTheVersionsOfTheFunctionsThatSendEmailOnly_N3() throws IOException {
        for (String change : List.of("SmtpHost=smtp.example.com", "SmtpPort=465", "SmtpUsername=mailer",
                "SmtpPasswordSecret=edge-server-billing/smtp", "SmtpFrom=Ops <ops@example.com>")) {
            List<String> changed = changed(defaults, versions(change));
            assertEquals(new TreeSet<>(SMTP_READERS), new TreeSet<>(changed), change);
        }
    }

    @Test
    void anotherCallbackSecretNameGivesThePaymentCallbackAnotherLiveVersion_A5() throws IOException {
        List<String> changed = changed(defaults, versions("CallbackSecretParameter=/other/callback-secret"));
        assertEquals(List.of("PaymentCallbackFunction"), changed);
    }

    @Test
    void everyFunctionIsInvokedThroughItsLiveAlias() {
        assertEquals(11, defaults.size(), defaults.toString()); // UsageBucketFunction (issue 19) is the 11th
        defaults.forEach(v -> assertEquals("live", v.get("Alias").asText(), v.toString()));
    }

    static void assertEveryChanged(JsonNode before, JsonNode after, String parameter) {
        List<String> all = new ArrayList<>();
        before.fieldNames().forEachRemaining(all::add);
        assertEquals(all, changed(before, after), parameter + " must reach every function's live alias");
    }

    /** Functions whose live version CloudFormation would replace between the two translations. */
    static List<String> changed(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        before.fieldNames().forEachRemaining(function -> {
            JsonNode a = before.get(function);
            JsonNode b = after.get(function);
            if (!a.get("LogicalId").equals(b.get("LogicalId")) || !a.get("Description").equals(b.get("Description"))) {
                changed.add(function);
            }
        });
        return changed;
    }

    static JsonNode versions(String... parameters) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "template-checks"));
        Path out = Files.createTempFile(dir, "versions", ".json");
        PythonTools.runScript("versions.py", PythonTools.root().resolve("template.yaml"), out, parameters);
        JsonNode versions = new ObjectMapper().readTree(out.toFile());
        versions.forEach(v -> assertTrue(v.get("Description").asText().length() <= 256,
                "Lambda caps a version's description at 256 characters: " + v));
        return versions;
    }
}
