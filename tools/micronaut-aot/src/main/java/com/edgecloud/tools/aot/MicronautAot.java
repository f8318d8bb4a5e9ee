package com.edgecloud.tools.aot;

import io.micronaut.aot.MicronautAotOptimizer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Micronaut AOT for a function, in JIT mode (a JVM, not a native image), as
 * {@code micronaut-maven-plugin}'s {@code aot-analysis} does it but without the plugin (it needs
 * {@code micronaut-aot-cli}, which our Maven mirror does not serve, and it re-runs Maven inside
 * Maven). Run by the root pom's exec-maven-plugin executions in every function module:
 *
 * <ul>
 *   <li>{@code generate <package> <classes dir> <work dir> [key=value;...]}, at
 *       {@code prepare-package}: runs the optimizer on this JVM's classpath (the module's classes
 *       and its runtime dependencies, as deployed, plus the AOT jars) with {@code jit-lambda.properties},
 *       then copies the generated classes and service files into the classes folder, which is what
 *       SAM deploys ({@code target/classes} and the runtime dependencies). The module's jar leaves
 *       them out (root pom, maven-jar-plugin): other modules (the local server, the benchmarks) put
 *       several functions on one classpath, where one function's precomputed lists would be wrong.</li>
 *   <li>{@code strip <package> <classes dir>}, at {@code process-classes}: removes what an earlier
 *       build generated, so that tests (whose classpath holds test beans the precomputed lists do
 *       not have) never run with it.</li>
 * </ul>
 */
public final class MicronautAot {

    /** The service files the generated code registers itself in. */
    static final List<String> SERVICE_FILES = List.of(
            "META-INF/services/io.micronaut.context.ApplicationContextConfigurer",
            "META-INF/services/io.micronaut.core.optim.StaticOptimizations$Loader");

    static final String CONFIG = "jit-lambda.properties";

    private MicronautAot() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && "strip".equals(args[0])) {
            int removed = strip(args[1], Path.of(args[2]));
            System.out.println("[micronaut-aot] strip: " + removed + " generated file(s) removed from " + args[2]);
        } else if (args.length >= 4 && "generate".equals(args[0])) {
            Properties config = config(args.length > 4 ? args[4] : "");
            int copied = generate(args[1], Path.of(args[2]), Path.of(args[3]), config,
                    Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
            System.out.println("[micronaut-aot] generate: " + copied + " file(s) of package " + args[1] + " into " + args[2]
                    + " (optimizations: " + enabled(config) + "; sources and logs in " + args[3] + ")");
        } else {
            System.err.println("usage: MicronautAot strip <package> <classes dir>\n"
                    + "       MicronautAot generate <package> <classes dir> <work dir> [key=value;...]");
            System.exit(2);
        }
    }

    /** The built-in configuration, with {@code key=value} pairs (separated by {@code ;}) over it. */
    static Properties config(String overrides) throws IOException {
        Properties config = new Properties();
        try (InputStream in = MicronautAot.class.getResourceAsStream(CONFIG)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG + " is missing from the runner's jar");
            }
            config.load(in);
        }
        for (String pair : overrides.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                config.setProperty(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return config;
    }

    static int generate(String packageName, Path classes, Path work, Properties config, List<String> classpath)
            throws IOException {
        strip(packageName, classes);
        deleteTree(work);
        Properties props = new Properties();
        props.putAll(config);
        props.setProperty("classpath", classpath.stream().filter(s -> !s.isBlank()).collect(Collectors.joining(",")));
        props.setProperty("package", packageName);
        props.setProperty("output.directory", work.toAbsolutePath().toString());
        props.setProperty("runtime", "jit");
        MicronautAotOptimizer.execute(props);

        Path generated = work.resolve("classes");
        if (!Files.isDirectory(generated.resolve(packageName.replace('.', '/')))) {
            throw new IllegalStateException("Micronaut AOT generated no classes in " + generated);
        }
        int copied = 0;
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path target = classes.resolve(generated.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        // Resources the optimizer turned into code (none with the configuration here, but the list is its contract).
        Path filtered = work.resolve("logs").resolve(MicronautAotOptimizer.OUTPUT_RESOURCES_FILE_NAME);
        if (Files.exists(filtered)) {
            for (String resource : Files.readAllLines(filtered)) {
                if (!resource.isBlank()) {
                    Files.deleteIfExists(classes.resolve(resource.trim()));
                }
            }
        }
        return copied;
    }

    /**
     * Removes the generated package and the generated lines of the service files (a service file
     * left with no line is deleted). Returns the number of files deleted or rewritten.
     */
    static int strip(String packageName, Path classes) throws IOException {
        int removed = 0;
        Path dir = classes.resolve(packageName.replace('.', '/'));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                removed += (int) files.filter(Files::isRegularFile).count();
            }
            deleteTree(dir);
        }
        String prefix = packageName + ".";
        for (String service : SERVICE_FILES) {
            Path file = classes.resolve(service);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                String name = line.trim();
                if (!name.startsWith(prefix) || name.substring(prefix.length()).contains(".")) {
                    kept.add(line);
                }
            }
            if (kept.size() == lines.size()) {
                continue;
            }
            if (kept.stream().allMatch(String::isBlank)) {
                Files.delete(file);
            } else {
                Files.write(file, kept);
            }
            removed++;
        }
        return removed;
    }

    private static String enabled(Properties config) {
        Map<String, String> on = new LinkedHashMap<>();
        config.stringPropertyNames().stream().sorted()
                .filter(k -> k.endsWith(".enabled") && Boolean.parseBoolean(config.getProperty(k)))
                .forEach(k -> on.put(k.substring(0, k.length() - ".enabled".length()), ""));
        return String.join(", ", on.keySet());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
