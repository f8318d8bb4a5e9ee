package com.edgecloud.dynamodblocal;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * AWS's DynamoDB Local, in memory, on a free loopback port. Used by the tests and the local
 * server only, never by a function's jar. Knows nothing of our tables: the caller creates
 * them ({@code Tables::createAll}).
 */
public final class DynamoDbLocal implements AutoCloseable {

    private static DynamoDbLocal shared;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoDbLocal(int port, Consumer<DynamoDbClient> setUp) throws Exception {
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        setUp.accept(client);
    }

    /** Starts a new DynamoDB Local on {@code port} (0: any free port), then runs {@code setUp} on it. */
    public static DynamoDbLocal start(int port, Consumer<DynamoDbClient> setUp) {
        try {
            return new DynamoDbLocal(port == 0 ? freePort() : port, setUp);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /** One instance per test JVM, shared by the test classes (tests use fresh ids, not fresh tables). */
    public static synchronized DynamoDbLocal shared(Consumer<DynamoDbClient> setUp) {
        if (shared == null) {
            shared = start(0, setUp);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
