package com.edgecloud.local;

import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import com.edgecloud.runtime.ClockFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP function on one port against an in-memory DynamoDB Local, plus the local-only
 * {@code /_local/*} endpoints (SPEC §10). Never deployed.
 *
 * <p>{@code mvn -B -DskipTests install && mvn -B -pl local-server exec:java}; environment
 * {@code PORT} (default 8080) and {@code HOST} (default 127.0.0.1).
 */
public final class LocalServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);

    private final DynamoDbLocal dynamo;
    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalServer(DynamoDbLocal dynamo, ApplicationContext context, EmbeddedServer server) {
        this.dynamo = dynamo;
        this.context = context;
        this.server = server;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalServer server = start(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-server-shutdown"));
        System.out.println(server.banner());
        server.stopped.await();
    }

    /**
     * Starts DynamoDB Local (tables created) and the HTTP server. {@code extraProperties} override
     * the defaults, e.g. {@code Map.of("micronaut.server.port", -1)} for a random free port.
     */
    public static LocalServer start(Map<String, Object> extraProperties) {
        DynamoDbLocal dynamo = DynamoDbLocal.start(0, Tables::createAll);
        ApplicationContext context = null;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("micronaut.application.name", "local-server");
            properties.put("micronaut.server.port", portFromEnvironment());
            properties.put("micronaut.server.host", envOr("HOST", DEFAULT_HOST));
            properties.put("dynamodb.endpoint", dynamo.endpoint().toString());
            properties.put(ClockFactory.SETTABLE, true);
            properties.put("local.outbox.poll", true); // SPEC §10: the outbox is dispatched as the stream would
            // A5: the secret the README's curl example signs callbacks with. Only here: a deployed
            // function reads its secret from SSM and, without one, refuses every callback (issue 16).
            properties.put("payments.callback-secret", "local-callback-secret");
            properties.put("billing.usage-fan-out", "local"); // issue 19: one run per USAGE bucket, concurrently, as the bucket queue does
            // local deliveries retry within seconds rather than the deployed 30 s back-off
            properties.put("notify.delivery.backoff-base", "1s");
            // issue 17: Swagger UI's files behind the API page at /_local/docs (LocalDocsController)
            properties.put("micronaut.router.static-resources.swagger-ui.paths", SwaggerUiWebjar.classpathFolder());
            properties.put("micronaut.router.static-resources.swagger-ui.mapping", SwaggerUiWebjar.MAPPING);
            properties.putAll(extraProperties);
            context = ApplicationContext.builder()
                    .environments("local")
                    .properties(properties)
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LocalServer local = new LocalServer(dynamo, context, server);
            LOG.info("Local server listening on {} (DynamoDB Local at {})", local.baseUri(), dynamo.endpoint());
            return local;
        } catch (RuntimeException e) {
            if (context != null && context.isRunning()) {
                context.close();
            }
            dynamo.close();
            throw e;
        }
    }

    /** The port actually bound (the real one when a random port was asked for). */
    public int port() {
        return server.getPort();
    }

    public URI baseUri() {
        String host = server.getHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public ApplicationContext context() {
        return context;
    }

    public URI dynamoDbEndpoint() {
        return dynamo.endpoint();
    }

    /** What a developer needs once the server is up: where it listens and how to get in. */
    public String banner() {
        String base = baseUri().toString();
        return String.join(System.lineSeparator(),
                "",
                "Local server ready on " + base + " (DynamoDB Local: " + dynamo.endpoint() + ", tables created)",
                "Get a token (24 h; roles optional):",
                "  TOKEN=$(curl -s -X POST " + base + "/_local/tokens -H 'Content-Type: application/json' \\",
                "    -d '{\"sub\":\"acct-1\",\"roles\":[\"admin\"]}' | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')",
                "Call a function with it:",
                "  curl -s " + base + "/catalog/nodes -H \"Authorization: Bearer $TOKEN\"",
                "Local-only: GET|PUT|DELETE /_local/clock  {\"now\":\"2016-01-01T15:00:00+08:00\"},",
                "  POST /_local/invoke/{LogicalId} (event JSON as in events/), GET /_local/health,",
                "  GET /_local/sent (emails and SMS the notifications sent), GET /_local/openapi.yml (the API document)",
                "The API document as a page (Swagger UI; Authorize with the token above, Try it out calls this server):",
                "  " + base + "/_local/docs",
                "");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (server.isRunning()) {
                server.stop();
            }
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            try {
                dynamo.close();
            } finally {
                stopped.countDown();
            }
        }
    }

    private static int portFromEnvironment() {
        String port = System.getenv("PORT");
        if (port == null || port.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, not '" + port + "'", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
