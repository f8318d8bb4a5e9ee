package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What `sam build` does for a function with {@code BuildMethod: makefile} (issue 16): copy the
 * CodeUri folder (the repository, as a fresh clone has it: the files git tracks) to a scratch
 * folder, run {@code make build-<LogicalId>} there with ARTIFACTS_DIR, and zip ARTIFACTS_DIR. The
 * local Maven repository it gets holds the third-party artifacts of this build only (links; what is
 * missing, such as the dependency plugin's own dependencies, comes from Maven Central) and none of
 * this project's, so the parent POM and sibling modules must come from the copy. CatalogFunction by
 * default; {@code -Dsam.build.functions=all} (or a comma list) builds more.
 */
class SamBuildTest {

    static final Set<String> TEST_ONLY = Set.of("junit", "DynamoDBLocal", "testing-", "dynamodb-local-", "greenmail",
            "testcontainers", "localstack", "aws-lambda-java-tests", "opentest4j", "sqlite4java", "-tests.jar");

    @Test
    void makeBuildsEachFunctionFromAFreshCopyIntoArtifactsDirWithRuntimeJarsOnly() throws Exception {
        Path root = PythonTools.root();
        Path work = Files.createDirectories(Path.of("target", "sam-build").toAbsolutePath());
        Path scratch = freshClone(root, work.resolve("scratch"));
        Path repository = thirdPartyRepository(work.resolve("m2"));
        for (String function : functions(root)) {
            Path artifacts = work.resolve("artifacts").resolve(function);
            deleteTree(artifacts);
            Files.createDirectories(artifacts);
            String handler = handlerClass(root, function);

            PythonTools.Result make = run(scratch, List.of("make", "build-" + function,
                    "ARTIFACTS_DIR=" + artifacts, "MAVEN_FLAGS=-Dmaven.repo.local=" + repository));

            assertEquals(0, make.exit(), "make build-" + function + " failed:\n" + tail(make.output()));
            List<Path> jars;
            try (Stream<Path> lib = Files.list(artifacts.resolve("lib"))) {
                jars = lib.sorted().toList();
            }
            List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
            for (String name : names) {
                assertTrue(name.endsWith(".jar"), function + ": " + name + " in lib/");
                TEST_ONLY.forEach(t -> assertFalse(name.contains(t), function + ": a test artifact in lib/: " + name));
            }
            assertTrue(names.stream().anyMatch(n -> n.startsWith("runtime-")), function + ": no runtime module: " + names);
            assertTrue(jars.stream().anyMatch(j -> contains(j, handler.replace('.', '/') + ".class")),
                    function + ": no jar in lib/ holds " + handler + ": " + names);
            try (Stream<Path> top = Files.list(artifacts)) {
                assertEquals(List.of(artifacts.resolve("lib")), top.toList(), function + ": only lib/ in ARTIFACTS_DIR");
            }
        }
    }

    /** CatalogFunction, or what -Dsam.build.functions names (all: every function of the template). */
    static List<String> functions(Path root) throws IOException {
        String wanted = System.getProperty("sam.build.functions", "CatalogFunction");
        if (!wanted.equals("all")) {
            return List.of(wanted.split(","));
        }
        List<String> all = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^build-(\\w+):").matcher(Files.readString(root.resolve("Makefile")));
        while (m.find()) {
            all.add(m.group(1));
        }
        return all;
    }

    static String handlerClass(Path root, String function) throws IOException {
        String template = Files.readString(root.resolve("template.yaml"));
        Matcher m = Pattern.compile("(?ms)^  " + function + ":\\n.*?Handler: ([\\w.]+)::").matcher(template);
        assertTrue(m.find(), "no Handler for " + function);
        return m.group(1);
    }

    /** The files git tracks, copied: what a fresh clone holds (no target/, no installed modules). */
    static Path freshClone(Path root, Path scratch) throws IOException {
        deleteTree(scratch);
        PythonTools.Result files = run(root, List.of("git", "ls-files", "-z"));
        if (files.exit() != 0) {
            fail("git ls-files failed: " + files.output());
        }
        for (String file : files.output().split("\0")) {
            if (file.isEmpty()) {
                continue;
            }
            Path from = root.resolve(file);
            if (!Files.isRegularFile(from)) {
                continue; // deleted in the working tree, not yet committed
            }
            Path to = scratch.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        }
        return scratch;
    }

    /** The local repository's third-party artifacts (links), without com/edgecloud: ours must come from the copy. */
    static Path thirdPartyRepository(Path dir) throws IOException {
        String local = System.getProperty("maven.repo.local");
        assertTrue(local != null && Files.isDirectory(Path.of(local)), "maven.repo.local is not passed to the tests: " + local);
        deleteTree(dir);
        Files.createDirectories(dir.resolve("com"));
        try (Stream<Path> top = Files.list(Path.of(local))) {
            for (Path p : top.toList()) {
                if (!p.getFileName().toString().equals("com")) {
                    Files.createSymbolicLink(dir.resolve(p.getFileName().toString()), p);
                }
            }
        }
        try (Stream<Path> com = Files.list(Path.of(local, "com"))) {
            for (Path p : com.toList()) {
                if (!p.getFileName().toString().equals("edgecloud")) {
                    Files.createSymbolicLink(dir.resolve("com").resolve(p.getFileName().toString()), p);
                }
            }
        }
        return dir;
    }

    static boolean contains(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static PythonTools.Result run(Path dir, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new PythonTools.Result(process.waitFor(), output);
        } catch (IOException e) {
            return fail("cannot run " + command + ": " + e.getMessage() + " (sam build needs make and Maven)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
