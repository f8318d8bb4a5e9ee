package com.edgecloud.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.edgecloud.bench.coldstart.bare.BareAccountHandler;
import com.edgecloud.bench.coldstart.bare.BareAdminHandler;
import com.edgecloud.bench.coldstart.bare.BareCatalogHandler;
import com.edgecloud.bench.coldstart.bare.BareExpirySweepHandler;
import com.edgecloud.bench.coldstart.bare.BareInstancesHandler;
import com.edgecloud.bench.coldstart.bare.BareNotificationDispatchHandler;
import com.edgecloud.bench.coldstart.bare.BarePaymentCallbackHandler;
import com.edgecloud.bench.coldstart.bare.BarePurchaseHandler;
import com.edgecloud.bench.coldstart.bare.BareRenewalHandler;
import com.edgecloud.bench.coldstart.bare.BareUsageBillingHandler;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cold start of every function, framework against bare: for each function and variant, N fresh
 * JVMs ({@link ColdStartProbe}) that construct the handler against one DynamoDB Local started
 * here and serve one sample event from {@code events/}. Prints min/median/max of JVM start to
 * response, construction, first request and classes loaded, and framework/bare of the medians.
 * A main, never a test; command and figures in benchmarks/README.md ("Cold start").
 */
public final class ColdStartBenchmark {

    /** A function under measurement: one line each; {@code workload}: what its runs need besides the shared seed. */
    record Fn(String name, String module, String frameworkHandler, String bareHandler, String eventFile, Class<?> eventClass,
              Workload workload) {
    }

    static final List<Fn> FUNCTIONS = List.of(
            new Fn("CatalogFunction", "functions/catalog", "com.edgecloud.catalog.CatalogHandler", BareCatalogHandler.class.getName(), "catalog-list-nodes.json", APIGatewayV2HTTPEvent.class, Workload.NONE),
            new Fn("PurchaseFunction", "functions/purchase", "com.edgecloud.purchase.PurchaseHandler", BarePurchaseHandler.class.getName(), "purchase-monthly.json", APIGatewayV2HTTPEvent.class, Workload.NONE),
            new Fn("InstancesFunction", "functions/instances", "com.edgecloud.instances.InstancesHandler", BareInstancesHandler.class.getName(), "instances-list.json", APIGatewayV2HTTPEvent.class, Workload.NONE),
            new Fn("AccountFunction", "functions/account", "com.edgecloud.account.AccountHandler", BareAccountHandler.class.getName(), "account-get.json", APIGatewayV2HTTPEvent.class, Workload.NONE),
            new Fn("AdminFunction", "functions/admin", "com.edgecloud.admin.AdminHandler", BareAdminHandler.class.getName(), "admin-put-account.json", APIGatewayV2HTTPEvent.class, Workload.NONE),
            new Fn("RenewalFunction", "functions/renewal", "com.edgecloud.renewal.RenewalHandler", BareRenewalHandler.class.getName(), "renewal.json", APIGatewayV2HTTPEvent.class, new Workloads.Renewal()),
            new Fn("PaymentCallbackFunction", "functions/payment-callback", "com.edgecloud.payment.PaymentCallbackHandler", BarePaymentCallbackHandler.class.getName(), "payment-callback.json", APIGatewayV2HTTPEvent.class, new Workloads.PaymentCallback()),
            new Fn("ExpirySweepFunction", "functions/expiry-sweep", "com.edgecloud.expiry.ExpirySweepHandler", BareExpirySweepHandler.class.getName(), "expiry-sweep.json", Map.class, new Workloads.ExpirySweep()),
            new Fn("UsageBillingFunction", "functions/usage-billing", "com.edgecloud.usage.UsageBillingHandler", BareUsageBillingHandler.class.getName(), "usage-billing.json", Map.class, new Workloads.UsageBilling()),
            new Fn("NotificationDispatchFunction", "functions/notification-dispatch", "com.edgecloud.dispatch.NotificationDispatchHandler", BareNotificationDispatchHandler.class.getName(), "notification-dispatch.json", DynamodbEvent.class, new Workloads.Dispatch()));

    private static final String[] MEASURES = {"jvmToResponseMs", "constructionMs", "firstRequestMs", "classes", "cpuMs"};
    private static final String[] LABELS = {"JVM start to response (ms)", "construction (ms)", "first request (ms)", "classes loaded",
        "CPU time to response (ms)"};
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(-?[0-9.]+)");

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) {
        int status = 2;
        try {
            run();
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            // DynamoDB Local leaves a non-daemon thread behind (see the PurchaseBenchmark notes).
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        int runs = Integer.getInteger("bench.runs", 5);
        int warmup = Integer.getInteger("bench.warmup", 1);
        String only = System.getProperty("bench.functions", "all");
        List<String> variants = Arrays.asList(System.getProperty("bench.variants", "framework,bare").split(","));
        List<String> probeJvmArgs = splitArgs(System.getProperty("bench.probeJvmArgs", ""));
        boolean cds = Boolean.getBoolean("bench.cds");
        Path events = eventsFolder();
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir", "target/cold-start")));
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        System.out.printf("== ColdStartBenchmark %s | java %s (%s) | availableProcessors=%d%n", ZonedDateTime.now(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors());
        System.out.printf("   runs=%d warmup=%d variants=%s probeJvmArgs=%s cds=%s%n", runs, warmup, variants, probeJvmArgs, cds);

        try (DynamoDbLocal dynamo = DynamoDbLocal.start(0, Tables::createAll);
             Seeds seeds = new Seeds(dynamo.client(), work)) {
            Probes probes = new Probes(java, probeExtras(work), probeJvmArgs, cds, events, work,
                    dynamo.endpoint().toString(), warmup, runs, variants, seeds);
            seedAndCheck(probes);
            List<double[]> baseline = measureBaseline(probes);
            Map<String, Map<String, List<double[]>>> results = new LinkedHashMap<>();
            for (Fn fn : FUNCTIONS) {
                if ("all".equals(only) || Arrays.asList(only.split(",")).contains(fn.name())) {
                    results.put(fn.name(), measureFunction(fn, probes));
                }
            }
            report(results, baseline, variants, runs);
        }
    }

    /** What every probe of a benchmark run shares. */
    private record Probes(String java, List<String> extras, List<String> probeJvmArgs, boolean cds, Path events,
                          Path work, String endpoint, int warmup, int runs, List<String> variants, Seeds seeds) {
        Path root() {
            return events.getParent();
        }
    }

    /** An instance to list, and a check that the bare purchase works, before anything is timed. */
    private static void seedAndCheck(Probes probes) throws IOException {
        probes.seeds().samples();
        System.setProperty("dynamodb.endpoint", probes.endpoint());
        Object seeded = new BarePurchaseHandler().handleRequest(
                ColdStartProbe.serializer(APIGatewayV2HTTPEvent.class, ColdStartBenchmark.class.getClassLoader())
                        .fromJson(Files.newInputStream(probes.events().resolve("purchase-monthly.json"))),
                new ColdStartProbe.ProbeContext());
        System.out.println("   seeded: DynamoDB Local at " + probes.endpoint() + ", acct-demo, node-sh-1/cps-std-1, one instance ("
                + ((APIGatewayV2HTTPResponse) seeded).getStatusCode() + ")");
    }

    /** The JVM alone: the probe loads no handler (java.lang.Object), the floor every function stands on. */
    private static List<double[]> measureBaseline(Probes probes) throws IOException, InterruptedException {
        List<double[]> baseline = new ArrayList<>();
        for (int i = 0; i < probes.warmup() + probes.runs(); i++) {
            double[] r = probe(probes.java(), String.join(File.pathSeparator, probes.extras()), probes.probeJvmArgs(),
                    probes.endpoint(), "baseline", probes.events().resolve("account-get.json"), "java.lang.Object", answer -> { });
            if (i >= probes.warmup()) {
                baseline.add(r);
            }
        }
        return baseline;
    }

    /**
     * One function's runs by variant. Runs interleave the variants (run 1 of each, then run 2 of
     * each...): a machine whose load drifts during the benchmark weighs on every variant alike.
     */
    private static Map<String, List<double[]>> measureFunction(Fn fn, Probes probes)
            throws IOException, InterruptedException {
        String classpath = functionClasspath(probes.root(), fn, probes.extras(), probes.work());
        Map<String, List<String>> jvmArgsByVariant = new LinkedHashMap<>();
        Map<String, String> handlers = new LinkedHashMap<>();
        Map<String, List<double[]>> byVariant = new LinkedHashMap<>();
        for (String variant : probes.variants()) {
            String handler = handlerOf(fn, variant);
            handlers.put(variant, handler);
            jvmArgsByVariant.put(variant, jvmArgs(fn, variant, handler, classpath, probes));
            byVariant.put(variant, new ArrayList<>());
        }
        Path sample = probes.events().resolve(fn.eventFile());
        for (int i = 0; i < probes.warmup() + probes.runs(); i++) {
            for (String variant : probes.variants()) {
                String run = variant + "-" + i;
                Path event = fn.workload().event(probes.seeds(), sample, run);
                double[] r = probe(probes.java(), classpath, jvmArgsByVariant.get(variant), probes.endpoint(),
                        handlers.get(variant), event, fn.eventClass().getName(),
                        answer -> fn.workload().check(probes.seeds(), run, answer));
                if (i >= probes.warmup()) {
                    byVariant.get(variant).add(r);
                }
            }
        }
        for (String variant : probes.variants()) {
            System.out.printf("   %s %s: %s%n", fn.name(), variant, byVariant.get(variant).stream()
                    .map(r -> String.format(Locale.ROOT, "%.0f ms", r[0])).collect(Collectors.joining(", ")));
        }
        return byVariant;
    }

    private static String handlerOf(Fn fn, String variant) {
        return switch (variant) {
            case "bare" -> fn.bareHandler();
            case "untuned" -> ColdStartProbe.UNTUNED + fn.frameworkHandler();
            default -> fn.frameworkHandler();
        };
    }

    /** The probe's JVM arguments; with {@code bench.cds}, a class-data archive dumped by one run first. */
    private static List<String> jvmArgs(Fn fn, String variant, String handler, String classpath, Probes probes)
            throws IOException, InterruptedException {
        List<String> jvmArgs = new ArrayList<>(probes.probeJvmArgs());
        jvmArgs.addAll(fn.workload().properties(probes.seeds()));
        if (probes.cds()) {
            Path archive = probes.work().resolve(fn.name() + "-" + variant + ".jsa").toAbsolutePath();
            Files.deleteIfExists(archive);
            List<String> dump = new ArrayList<>(jvmArgs);
            dump.add("-XX:ArchiveClassesAtExit=" + archive);
            String run = variant + "-cds";
            probe(probes.java(), classpath, dump, probes.endpoint(), handler,
                    fn.workload().event(probes.seeds(), probes.events().resolve(fn.eventFile()), run),
                    fn.eventClass().getName(), answer -> fn.workload().check(probes.seeds(), run, answer));
            jvmArgs.add("-XX:SharedArchiveFile=" + archive);
        }
        return jvmArgs;
    }

    /** One probe JVM's measures; its first answer must be a success that {@code check} accepts. */
    private static double[] probe(String java, String classpath, List<String> jvmArgs, String endpoint,
                                  String handler, Path event, String eventClass, Consumer<String> check)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(ColdStartProbe.class.getName());
        command.add(handler);
        command.add(event.toString());
        command.add(eventClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DYNAMODB_ENDPOINT", endpoint); // as `sam local invoke --env-vars` would
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not end: " + command);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        String line = text.lines().filter(l -> l.startsWith(ColdStartProbe.MARKER)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from " + handler + ":\n" + text));
        Map<String, Double> values = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(line);
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        int status = values.get("status").intValue();
        if (!"baseline".equals(handler) && (status < 200 || status > 299)) {
            throw new IllegalStateException(handler + " answered " + status + ":\n" + text);
        }
        String answer = text.lines().filter(l -> l.startsWith(ColdStartProbe.ANSWER_MARKER)).findFirst()
                .map(l -> l.substring(ColdStartProbe.ANSWER_MARKER.length()))
                .orElseThrow(() -> new IllegalStateException("no answer from " + handler + ":\n" + text));
        try {
            check.accept(answer);
        } catch (IllegalStateException notDone) {
            throw new IllegalStateException(handler + ": " + notDone.getMessage() + "\n" + text, notDone);
        }
        double[] r = new double[MEASURES.length];
        for (int i = 0; i < MEASURES.length; i++) {
            r[i] = values.get(MEASURES[i]);
        }
        return r;
    }

    private static void report(Map<String, Map<String, List<double[]>>> results, List<double[]> baseline,
                               List<String> variants, int runs) {
        System.out.println();
        System.out.printf("Baseline (a JVM running only the probe, no handler): JVM start to end %s ms, classes %s%n",
                fmt(median(baseline, 0)), fmt(median(baseline, 3)));
        double[][] totals = new double[variants.size()][MEASURES.length];
        for (var fn : results.entrySet()) {
            printFunction(fn.getKey(), fn.getValue(), variants, runs, totals);
        }
        printTotals(totals, variants);
    }

    /** One function's table, min / median / max per variant; adds its medians to {@code totals}. */
    private static void printFunction(String name, Map<String, List<double[]>> byVariant, List<String> variants,
                                      int runs, double[][] totals) {
        System.out.println();
        System.out.printf("%s, %d runs each, min / median / max%n%n", name, runs);
        StringBuilder head = new StringBuilder("| measure |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String v : variants) {
            head.append(' ').append(v).append(" |");
            rule.append("---|");
        }
        boolean ratio = variants.contains("framework") && variants.contains("bare");
        if (ratio) {
            head.append(" framework/bare (medians) |");
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (int i = 0; i < MEASURES.length; i++) {
            StringBuilder row = new StringBuilder("| " + LABELS[i] + " |");
            for (int v = 0; v < variants.size(); v++) {
                List<double[]> rs = byVariant.get(variants.get(v));
                row.append(' ').append(fmt(min(rs, i))).append(" / **").append(fmt(median(rs, i))).append("** / ")
                        .append(fmt(max(rs, i))).append(" |");
                totals[v][i] += median(rs, i);
            }
            if (ratio) {
                row.append(String.format(Locale.ROOT, " %.2f |", median(byVariant.get("framework"), i)
                        / median(byVariant.get("bare"), i)));
            }
            System.out.println(row);
        }
    }

    private static void printTotals(double[][] totals, List<String> variants) {
        boolean ratio = variants.contains("framework") && variants.contains("bare");
        System.out.println();
        System.out.println("Total over the functions above (sum of medians):");
        System.out.println();
        System.out.println("| measure | " + String.join(" | ", variants) + " |" + (ratio ? " framework/bare |" : ""));
        System.out.println("|---|" + "---|".repeat(variants.size()) + (ratio ? "---|" : ""));
        for (int i = 0; i < MEASURES.length; i++) {
            StringBuilder row = new StringBuilder("| " + LABELS[i] + " |");
            for (int v = 0; v < variants.size(); v++) {
                row.append(' ').append(fmt(totals[v][i])).append(" |");
            }
            if (ratio) {
                row.append(String.format(Locale.ROOT, " %.2f |", totals[variants.indexOf("framework")][i]
                        / totals[variants.indexOf("bare")][i]));
            }
            System.out.println(row);
        }
    }

    /**
     * What a probe adds to a function's classpath: the probe and the bare handlers (this module's
     * classes, packed into a jar: CDS archives classes from jars only), the Lambda runtime's event
     * serialization and plain Jackson (the bare handlers' JSON).
     */
    private static List<String> probeExtras(Path work) throws IOException {
        List<String> extras = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String file = path.getFileName().toString();
            if (Files.isDirectory(path) && Files.exists(path.resolve(ColdStartProbe.class.getName().replace('.', '/') + ".class"))) {
                extras.add(0, packed(path, work.resolve("cold-start-probe.jar")));
            } else if (file.startsWith("aws-lambda-java-serialization") || file.startsWith("jackson-databind")
                    || file.startsWith("jackson-core") || file.startsWith("jackson-annotations")
                    || file.startsWith("aws-lambda-java-core") || file.startsWith("aws-lambda-java-events")) {
                extras.add(path.toAbsolutePath().toString());
            }
        }
        if (extras.isEmpty() || !extras.get(0).endsWith("cold-start-probe.jar")) {
            throw new IllegalStateException("benchmarks/cold-start/target/classes is not on the classpath");
        }
        return extras;
    }

    /**
     * As deployed: the function module's own classes and ITS runtime classpath (written by the
     * dependency plugin, see the README), never the other functions' beans; then the probe extras.
     */
    private static String functionClasspath(Path root, Fn fn, List<String> extras, Path work) throws IOException {
        Path module = root.resolve(fn.module());
        Path listed = module.resolve("target/classpath.txt");
        if (!Files.exists(listed)) {
            throw new IllegalStateException(listed + " is missing: build with the command in benchmarks/README.md");
        }
        List<String> entries = new ArrayList<>();
        entries.add(packed(module.resolve("target/classes"), work.resolve(fn.name() + ".jar")));
        for (String entry : Files.readString(listed).trim().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? packed(path, work.resolve(path.getParent().getParent().getFileName() + ".jar"))
                    : path.toAbsolutePath().toString());
        }
        for (String extra : extras) {
            if (!entries.contains(extra)) {
                entries.add(extra);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String packed(Path dir, Path jar) throws IOException {
        jar(dir, jar);
        return jar.toAbsolutePath().toString();
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(dir)) {
            // Directory entries too: Micronaut finds its bean and service lists by listing META-INF/micronaut/*.
            for (Path p : (Iterable<Path>) files.filter(p -> !p.equals(dir)).sorted()::iterator) {
                String name = dir.relativize(p).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(p);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }

    static Path eventsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UncheckedIOException(new IOException("no events/ folder above " + Path.of("").toAbsolutePath()));
        }
        return dir.resolve("events");
    }

    private static List<String> splitArgs(String args) {
        return args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
    }

    private static double median(List<double[]> rs, int i) {
        double[] v = rs.stream().mapToDouble(r -> r[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<double[]> rs, int i) {
        return rs.stream().mapToDouble(r -> r[i]).min().orElse(Double.NaN);
    }

    private static double max(List<double[]> rs, int i) {
        return rs.stream().mapToDouble(r -> r[i]).max().orElse(Double.NaN);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
