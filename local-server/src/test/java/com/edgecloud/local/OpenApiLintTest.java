package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API document passes Spectral ({@code spectral:oas}) and Redocly ({@code recommended}) with no
 * error. Both are installed from the npm registry at the versions of src/test/openapi-lint's lock
 * file into target/, so the check runs the same in every build; without npm the build fails here.
 */
class OpenApiLintTest {

    static final Path SOURCE = Path.of("src/test/openapi-lint");
    static final Path WORK = Path.of("target/openapi-lint");
    static Path document;

    @BeforeAll
    static void installLinters() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", ".spectral.yaml")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String text = LocalOpenApiController.read();
        assertNotNull(text, "no " + ApiDocument.RESOURCE + ": micronaut-openapi did not run in local-server");
        document = WORK.resolve("edge-server-billing.yml").toAbsolutePath();
        Files.writeString(document, text);
        if (!Files.isDirectory(WORK.resolve("node_modules/.bin"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
            assertEquals(0, install.exit, "npm ci failed (is npm installed? the README's prerequisites):\n" + install.output + install.errors);
        }
    }

    @Test
    void spectralFindsNoError() throws Exception {
        Run lint = run(List.of("node_modules/.bin/spectral", "lint", "-r", ".spectral.yaml", "-f", "json",
                "--fail-severity", "error", document.toString()));
        assertNotEquals(-1, lint.output.indexOf('['), "spectral answered no report: " + lint.errors);
        JsonNode found = json(lint.output.substring(lint.output.indexOf('[')));
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : found.values()) {
            if (problem.get("severity").getIntValue() == 0) {
                errors.add(problem.get("code").getStringValue() + " at " + problem.get("path") + ": "
                        + problem.get("message").getStringValue());
            }
        }
        System.out.println("Spectral (spectral:oas): " + errors.size() + " errors, " + (found.size() - errors.size())
                + " warnings or hints");
        assertEquals(List.of(), errors);
    }

    @Test
    void redoclyFindsNoError() throws Exception {
        Run lint = run(List.of("node_modules/.bin/redocly", "lint", "--extends", "recommended", "--format", "json",
                document.toString()));
        assertNotEquals(-1, lint.output.indexOf('{'), "redocly answered no report: " + lint.errors);
        JsonNode found = json(lint.output.substring(lint.output.indexOf('{')));
        List<String> errors = new ArrayList<>();
        for (JsonNode problem : found.get("problems").values()) {
            if ("error".equals(problem.get("severity").getStringValue())) {
                errors.add(problem.get("ruleId").getStringValue() + ": " + problem.get("message").getStringValue());
            }
        }
        JsonNode totals = found.get("totals");
        System.out.println("Redocly (recommended): " + totals.get("errors").getIntValue() + " errors, "
                + totals.get("warnings").getIntValue() + " warnings");
        assertEquals(List.of(), errors);
    }

    private static JsonNode json(String text) throws IOException {
        return JsonMapper.createDefault().readValue(text, JsonNode.class);
    }

    private record Run(int exit, String output, String errors) {
    }

    /** Runs a command in target/openapi-lint; stderr is kept apart so that stdout stays JSON. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        File errors = WORK.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectError(errors).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Run(exit, output, Files.readString(errors.toPath()));
    }
}
