package com.edgecloud.runtime;

import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.dynamodb.DynamoMessages;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.time.SystemTime;
import com.edgecloud.notify.Deliverer;
import com.edgecloud.notify.EmailSender;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.notify.SecretPasswordEmailSender;
import com.edgecloud.notify.SecretsManagerSecret;
import com.edgecloud.notify.SmsSender;
import com.edgecloud.notify.SmtpEmailSender;
import com.edgecloud.notify.SmtpSettings;
import com.edgecloud.notify.SnsSmsSender;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * N1-N3 wiring. Email: SMTP when {@code notify.smtp.host} is set (env NOTIFY_SMTP_HOST), its
 * password the Secrets Manager secret {@code notify.smtp.password-secret} names (env
 * NOTIFY_SMTP_PASSWORD_SECRET; {@code notify.smtp.password} only for local SMTP servers), else
 * the recording sink that {@code GET /_local/sent} reads. SMS: Amazon SNS when
 * {@code notify.sms.provider=sns}, else the sink. Deliveries: {@code notify.delivery.max-attempts}
 * (default 5), back-off from {@code notify.delivery.backoff-base} (30s) up to
 * {@code notify.delivery.backoff-cap} (1h), claims held {@code notify.delivery.lease} (60s).
 */
@Factory
public class NotifyBeans {

    @Singleton
    public RecordingChannels recordingChannels(Clock clock) {
        return new RecordingChannels(clock);
    }

    @Singleton
    public EmailSender emailSender(RecordingChannels sink, Clock clock, AwsClients clients,
                                   @Value("${notify.smtp.host:}") String host,
                                   @Value("${notify.smtp.port:587}") int port,
                                   @Value("${notify.smtp.start-tls:true}") boolean startTls,
                                   @Value("${notify.smtp.ssl:false}") boolean ssl,
                                   @Value("${notify.smtp.username:}") String username,
                                   @Value("${notify.smtp.password:}") String password,
                                   @Value("${notify.smtp.password-secret:}") String passwordSecret,
                                   @Value("${notify.smtp.from:Edge Cloud <noreply@example.com>}") String from) {
        if (host.isBlank()) {
            return sink;
        }
        String user = username.isBlank() ? null : username;
        if (user != null && !passwordSecret.isBlank()) {
            // issue 16: in AWS the password is a Secrets Manager secret, read on the first email
            return new SecretPasswordEmailSender(new SmtpSettings(host, port, startTls, ssl, user, null, from),
                    new SecretsManagerSecret(() -> clients.configure(SecretsManagerClient.builder()).build(), passwordSecret),
                    clock);
        }
        return new SmtpEmailSender(new SmtpSettings(host, port, startTls, ssl, user,
                user == null || password.isBlank() ? null : password, from), clock);
    }

    @Singleton
    public SmsSender smsSender(RecordingChannels sink, AwsClients clients, @Value("${notify.sms.provider:}") String provider) {
        if ("sns".equalsIgnoreCase(provider.trim())) {
            return new SnsSmsSender(clients.configure(SnsClient.builder()).build());
        }
        if (!provider.isBlank()) {
            throw new IllegalArgumentException("notify.sms.provider must be sns or empty, was '" + provider + "'");
        }
        return sink;
    }

    @Singleton
    public DynamoMessageSettings messageSettings(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoMessageSettings(dynamo, tables);
    }

    @Singleton
    public DynamoMessages messages(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoMessages(dynamo, tables);
    }

    @Singleton
    public DynamoDeliveries deliveries(DynamoDbClient dynamo, TableNames tables) {
        return new DynamoDeliveries(dynamo, tables);
    }

    @Singleton
    public Deliverer deliverer(DynamoDeliveries deliveries, EmailSender email, SmsSender sms, SystemTime time,
                               @Value("${notify.delivery.max-attempts:5}") int maxAttempts,
                               @Value("${notify.delivery.backoff-base:30s}") Duration backoffBase,
                               @Value("${notify.delivery.backoff-cap:1h}") Duration backoffCap,
                               @Value("${notify.delivery.lease:60s}") Duration lease) {
        return new Deliverer(deliveries, email, sms, time, maxAttempts, backoffBase, backoffCap, lease);
    }
}
