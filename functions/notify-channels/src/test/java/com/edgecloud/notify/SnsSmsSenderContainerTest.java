package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.NotificationType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@link SnsSmsSender} against LocalStack's SNS in a container (N3). Skipped (not failed)
 * where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class SnsSmsSenderContainerTest {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8")).withServices(Service.SNS);

    static SnsClient client;

    @BeforeAll
    static void connect() {
        client = SnsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(LOCALSTACK.getEndpointOverride(Service.SNS))
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void smsIsPublishedToThePhoneNumberAsTransactional_N3() throws Exception {
        SnsSmsSender sender = new SnsSmsSender(client);

        sender.send(new SmsMessage("n-1", NotificationType.EXPIRY_WARNING, "i-123", "+8613800000000",
                "Server i-123 expires 2016-02-01 23:59:59 (UTC+08:00)."));

        // LocalStack keeps the SMS it would have sent, by region, at this internal endpoint.
        String sent = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(LOCALSTACK.getEndpoint() + "/_aws/sns/sms-messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(sent.contains("\"+8613800000000\""), sent);
        assertTrue(sent.contains("Server i-123 expires 2016-02-01 23:59:59 (UTC+08:00)."), sent);
        assertTrue(sent.contains(SnsSmsSender.TRANSACTIONAL), sent);
    }
}
