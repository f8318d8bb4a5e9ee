package com.edgecloud.local.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The function modules' tests read the sample events from functions/testing's resources (on their
 * classpath), never from the repository's events/ folder: a module's tests read nothing outside
 * the module (issue 16, what a scratch build of one module can see). This root-level check keeps
 * the copies equal to events/, the files `sam local invoke -e` and docs/operations.md use.
 */
class SampleEventCopiesTest {

    @Test
    void theTestingModulesSampleEventsAreExactlyTheRepositorysEvents() throws IOException {
        Path root = PythonTools.root();
        assertEquals(contents(root.resolve("events")), contents(root.resolve("functions/testing/src/main/resources/events")),
                "copy events/*.json to functions/testing/src/main/resources/events/ (and remove what events/ no longer has)");
    }

    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
