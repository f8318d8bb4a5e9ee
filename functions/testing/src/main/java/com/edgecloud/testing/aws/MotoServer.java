package com.edgecloud.testing.aws;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * moto's server ({@code python3 -m moto.server}) answering SNS, SSM and Secrets Manager on a free
 * port of this machine, started as Testcontainers starts a container: once per JVM, by
 * {@link MotoExtension}, stopped when the test run ends. DynamoDB never comes from here (DynamoDB
 * Local only). No python3 or no moto is a failure with the fix in its message, never a skip:
 * these tests are the only place the AWS APIs are exercised in CI (issue 16).
 */
public final class MotoServer implements AutoCloseable {

    /** {@code python3} unless the {@code MOTO_PYTHON} environment variable names another interpreter. */
    static final String PYTHON = System.getenv().getOrDefault("MOTO_PYTHON", "python3");
    // How long the first start (Python imports) may take before the tests give up on it.
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** The JVM's moto server, started on first use. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return Region.US_EAST_1;
    }

    /** A client of any AWS service moto answers, pointed at this server with its dummy credentials. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    /** moto's view of its models ({@code /moto-api/data.json}): e.g. the SMS SNS would have sent. */
    public String modelData() {
        return get(endpoint.resolve("/moto-api/data.json"));
    }

    /** Forgets every resource, between test classes that must not see each other's. */
    public void reset() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer /moto-api/reset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static MotoServer start() {
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-server-", ".log");
            process = new ProcessBuilder(List.of(PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(missing("cannot run '" + PYTHON + "': " + e.getMessage()), e);
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
        server.awaitReady();
        return server;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(missing("moto.server exited with " + process.exitValue() + ":\n" + logText()));
            }
            try {
                HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still importing; try again
            } catch (IOException e) {
                // the socket opened but the server is not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("moto.server did not answer on " + endpoint + " within " + STARTUP + ":\n" + logText());
    }

    private String get(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String missing(String what) {
        return "The AWS API tests need moto's server (" + what + "). Install it with `python3 -m pip install"
                + " 'moto[server]>=5.2'` (or point MOTO_PYTHON at a Python that has it). These tests never skip.";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for moto", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
