package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS's own Python tools, run as a user would: cfn-lint and aws-sam-translator (the library
 * `sam` and CloudFormation's transform use). A missing tool fails the test that needs it with the
 * command that installs it: these checks never pass by not running (issue 16).
 */
final class PythonTools {

    static final String PYTHON = System.getenv().getOrDefault("MOTO_PYTHON", "python3");
    /** The region the transform resolves pseudo parameters in: samconfig.toml's. */
    static final String REGION = "ap-east-1";

    private PythonTools() {
    }

    /** The repository root: where template.yaml is, this module's parent. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
        }
        return dir;
    }

    /** Fails, loudly, unless every module imports. */
    static void require(String... modules) {
        for (String module : modules) {
            Result r = run(List.of(PYTHON, "-c", "import " + module));
            if (r.exit() != 0) {
                fail("Python module '" + module + "' is missing (" + r.output().strip() + "). Install AWS's tools:"
                        + " python3 -m pip install 'cfn-lint>=1.51' 'aws-sam-translator>=1.110'. This check never skips.");
            }
        }
    }

    /** The template as CloudFormation's SAM transform turns it, with these parameter values. */
    static Path translate(Path template, Path out, String... parameters) {
        return runScript("sam_translate.py", template, out, parameters);
    }

    /** One of the scripts of src/test/resources/deploy on the template, writing {@code out}. */
    static Path runScript(String name, Path template, Path out, String... parameters) {
        Path script = scripts().resolve(name);
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), template.toString(), out.toString()));
        command.addAll(List.of(parameters));
        Result r = run(command);
        if (r.exit() != 0) {
            fail(name + " failed on " + template + ":\n" + r.output());
        }
        return out;
    }

    static Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_DEFAULT_REGION", REGION);
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            return fail("cannot run " + command.get(0) + " (" + e.getMessage() + "): the template checks need Python 3"
                    + " with cfn-lint and aws-sam-translator. This check never skips.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The scripts, copied out of the test classpath into one folder (one imports the other). */
    private static Path scripts() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "template-checks", "scripts"));
            for (String name : List.of("sam_translate.py", "iam_policies.py", "versions.py")) {
                try (InputStream in = PythonTools.class.getResourceAsStream("/deploy/" + name)) {
                    Files.write(dir.resolve(name), in.readAllBytes());
                }
            }
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Result(int exit, String output) {
    }
}
