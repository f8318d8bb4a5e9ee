package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml checked by AWS's own linter (issue 16), in `mvn -B verify`: cfn-lint with every
 * rule, informational ones included, on the template (which cfn-lint transforms itself) and on
 * the transform's output for the samconfig.toml region. The findings must be none, or listed in
 * {@link #IGNORED} with the reason.
 */
class TemplateLintTest {

    /** Rule id to why it does not apply. None today: before issue 16 the only findings were I3011 x2 (the DLQ). */
    static final Map<String, String> IGNORED = Map.of();

    static Path template;
    static Path translated;
    static List<String> findings;

    /** One cfn-lint run over both files: its start-up (loading every resource schema) is most of its time. */
    @BeforeAll
    static void lintBoth() throws Exception {
        PythonTools.require("cfnlint", "samtranslator");
        template = PythonTools.root().resolve("template.yaml");
        translated = Files.createDirectories(Path.of("target", "template-checks")).resolve("translated.json").toAbsolutePath();
        PythonTools.translate(template, translated);
        findings = lint(template, translated);
    }

    @Test
    void cfnLintFindsNothingInTheTemplate() {
        assertEquals(List.of(), findings.stream().filter(f -> f.startsWith(template.toString())).toList());
    }

    @Test
    void cfnLintFindsNothingInTheTransformsOutput() {
        assertEquals(List.of(), findings.stream().filter(f -> f.startsWith(translated.toString())).toList());
    }

    @Test
    void cfnLintFindsNothingElse() {
        assertEquals(List.of(), findings);
    }

    static List<String> lint(Path... templates) {
        List<String> command = new ArrayList<>(List.of(PythonTools.PYTHON, "-c",
                "import sys; from cfnlint.runner import main; sys.exit(main())",
                "--include-checks", "I", "--regions", PythonTools.REGION, "--format", "parseable"));
        IGNORED.keySet().forEach(rule -> command.addAll(List.of("--ignore-checks", rule)));
        command.add("--");
        for (Path t : templates) {
            command.add(t.toString());
        }
        PythonTools.Result r = PythonTools.run(command);
        List<String> findings = r.output().lines().filter(line -> !line.isBlank()).toList();
        if (r.exit() != 0 && findings.isEmpty()) {
            throw new AssertionError("cfn-lint failed with exit " + r.exit() + " and no findings");
        }
        return findings;
    }
}
