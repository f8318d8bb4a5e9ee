package com.edgecloud.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.notify.Channel;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.runtime.AwsClients;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.TestContexts;
import com.edgecloud.testing.aws.MotoExtension;
import com.edgecloud.testing.aws.MotoServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

/**
 * NotificationDispatchFunction against the AWS APIs it calls besides DynamoDB (N3, issue 16): SNS
 * for SMS and Secrets Manager for the SMTP password. Always on moto's server ({@link MotoServer};
 * without python3 and moto these tests fail, they never skip), and the SNS case also on LocalStack
 * in a container where a Docker engine runs (without one that case is not generated, not skipped).
 */
@ExtendWith(MotoExtension.class)
class NotificationDispatchAwsApiTest {

    static final String SMTP_USER = "smtp-user";
    static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("noreply@example.com", SMTP_USER, SMTP_PASSWORD));

    static final Fixtures fixtures = new Fixtures();
    static final List<AutoCloseable> CONTAINERS = new ArrayList<>();

    /** An SNS endpoint and where it shows the SMS it would have sent. */
    record SnsBackend(String name, URI endpoint, Supplier<String> sentSms) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<SnsBackend> snsBackends() {
        List<SnsBackend> backends = new ArrayList<>();
        MotoServer moto = MotoServer.shared();
        backends.add(new SnsBackend("moto", moto.endpoint(), moto::modelData));
        if (DockerClientFactory.instance().isDockerAvailable()) {
            backends.add(localStack());
        }
        return backends.stream();
    }

    @AfterAll
    static void stopContainers() throws Exception {
        for (AutoCloseable c : CONTAINERS) {
            c.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snsBackends")
    void anOrderPaidSmsIsPublishedThroughSnsToTheAccountsPhone_N3(SnsBackend sns) {
        try (ApplicationContext context = TestContexts.start(Map.of(
                "notify.sms.provider", "sns",
                AwsClients.ENDPOINT_OVERRIDE, sns.endpoint().toString()))) {
            String account = fixtures.verifiedAccount();
            OutboxMessage m = DispatchFixture.orderPaid(account);

            new NotificationDispatchHandler(context).handleRequest(DispatchFixture.event(m), null);

            String sent = sns.sentSms().get();
            assertTrue(sent.contains("+8613800000000"), sent);
            assertTrue(sent.contains(m.orderId()), "the ORDER_PAID text names the order: " + sent);
            assertTrue(context.getBean(RecordingChannels.class).sent().stream()
                    .noneMatch(s -> s.channel() == Channel.SMS), "the SMS went through SNS, not the sink");
        }
    }

    @Test
    void theSmtpPasswordIsReadFromSecretsManager_N3(MotoServer moto) throws Exception {
        String secret = storeSecret(moto, SMTP_PASSWORD);
        try (ApplicationContext context = smtpContext(moto, secret)) {
            String account = fixtures.verifiedAccount();
            OutboxMessage m = DispatchFixture.orderPaid(account);

            new NotificationDispatchHandler(context).handleRequest(DispatchFixture.event(m), null);

            assertEquals(1, GREEN_MAIL.getReceivedMessages().length, "GreenMail accepted the login");
        }
    }

    @Test
    void aWrongPasswordInTheSecretSendsNothing_N3(MotoServer moto) {
        String secret = storeSecret(moto, "not-" + SMTP_PASSWORD);
        int before = GREEN_MAIL.getReceivedMessages().length;
        try (ApplicationContext context = smtpContext(moto, secret)) {
            new NotificationDispatchHandler(context).handleRequest(
                    DispatchFixture.event(DispatchFixture.orderPaid(fixtures.verifiedAccount())), null);

            assertEquals(before, GREEN_MAIL.getReceivedMessages().length, "the password is the secret's, checked");
        }
    }

    /**
     * The secret's value under the name the IAM check grants (IamFromTrafficTest translates the
     * template with SmtpPasswordSecret=edge-server-billing/smtp-password); created the first time.
     */
    private static String storeSecret(MotoServer moto, String value) {
        String name = "edge-server-billing/smtp-password";
        try (SecretsManagerClient secrets = moto.configure(SecretsManagerClient.builder()).build()) {
            try {
                secrets.createSecret(r -> r.name(name).secretString(value));
            } catch (ResourceExistsException exists) {
                secrets.putSecretValue(r -> r.secretId(name).secretString(value));
            }
        }
        return name;
    }

    private static ApplicationContext smtpContext(MotoServer moto, String secret) {
        return TestContexts.start(Map.of(
                "notify.smtp.host", "127.0.0.1",
                "notify.smtp.port", GREEN_MAIL.getSmtp().getPort(),
                "notify.smtp.start-tls", false,
                "notify.smtp.username", SMTP_USER,
                "notify.smtp.password-secret", secret,
                "notify.smtp.from", "Edge Cloud <noreply@example.com>",
                AwsClients.ENDPOINT_OVERRIDE, moto.endpoint().toString()));
    }

    private static SnsBackend localStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
                .withServices(Service.SNS);
        container.start();
        CONTAINERS.add(container::stop);
        // LocalStack keeps the SMS it would have sent, with their attributes, at this internal endpoint.
        URI sms = URI.create(container.getEndpoint() + "/_aws/sns/sms-messages");
        return new SnsBackend("localstack", container.getEndpointOverride(Service.SNS), () -> {
            try {
                String sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sms).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(sent.contains("Transactional"), sent);
                return sent;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
