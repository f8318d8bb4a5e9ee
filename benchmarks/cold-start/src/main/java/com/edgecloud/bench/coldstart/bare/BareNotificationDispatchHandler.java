package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.SystemTime;
import com.edgecloud.dispatch.OutboxDispatch;
import com.edgecloud.dispatch.OutboxRecords;
import com.edgecloud.notify.Deliverer;
import com.edgecloud.notify.EmailSender;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.notify.SecretPasswordEmailSender;
import com.edgecloud.notify.SecretsManagerSecret;
import com.edgecloud.notify.SmsSender;
import com.edgecloud.notify.SmtpEmailSender;
import com.edgecloud.notify.SmtpSettings;
import com.edgecloud.notify.SnsSmsSender;
import com.edgecloud.runtime.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * NotificationDispatchFunction without a framework: each INSERT of the Outbox stream into its
 * deliveries (N1, N2), sent through the channels configured as NotifyBeans reads them (SMS through
 * SNS, e-mail over SMTP with its password from Secrets Manager, else the recording sink).
 */
public class BareNotificationDispatchHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** TimeLeft.ONE_DELIVERY: an attempt starts only with a stalled e-mail's time left. */
    private static final long ONE_DELIVERY_MILLIS = 40_000;

    private final DynamoDbClient dynamo = BareAws.dynamoDbClient();
    private final TableNames tables = TableNames.from(System.getenv());
    private final Clock clock = Clock.systemUTC();
    private final SystemTime time = new SystemTime(clock);
    private final AwsClients aws = BareAws.awsClients();
    private final RecordingChannels sink = new RecordingChannels(clock);
    private final DynamoDeliveries deliveries = new DynamoDeliveries(dynamo, tables);
    private final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    private final OutboxDispatch dispatch = new OutboxDispatch(new DynamoAccountRepository(dynamo, tables),
            new DynamoMessageSettings(dynamo, tables), new DynamoInstanceRepository(dynamo, tables), catalog,
            new DynamoPurchaseStore(dynamo, tables, catalog, new DynamoIdempotencyStore(dynamo, tables)), deliveries,
            new Deliverer(deliveries, email(), sms(), time, 5, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(60)),
            time, new ExpiryCalendar(ZoneId.of(BareAws.env("BILLING_ZONE", "Asia/Shanghai"))));

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context lambda) {
        BooleanSupplier timeLeft = () -> lambda == null || lambda.getRemainingTimeInMillis() >= ONE_DELIVERY_MILLIS;
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            StreamRecord stream = record.getDynamodb();
            if (!"INSERT".equals(record.getEventName()) || stream == null || stream.getNewImage() == null) {
                continue;
            }
            try {
                dispatch.dispatch(OutboxRecords.fromImage(stream.getNewImage()), timeLeft);
            } catch (RuntimeException e) {
                failures.add(new StreamsEventResponse.BatchItemFailure(stream.getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    private EmailSender email() {
        String host = BareAws.setting("notify.smtp.host", "");
        if (host.isBlank()) {
            return sink;
        }
        String user = BareAws.setting("notify.smtp.username", "");
        String secret = BareAws.setting("notify.smtp.password-secret", "");
        SmtpSettings settings = new SmtpSettings(host, Integer.parseInt(BareAws.setting("notify.smtp.port", "587")),
                Boolean.parseBoolean(BareAws.setting("notify.smtp.start-tls", "true")),
                Boolean.parseBoolean(BareAws.setting("notify.smtp.ssl", "false")), user.isBlank() ? null : user, null,
                BareAws.setting("notify.smtp.from", "Edge Cloud <noreply@example.com>"));
        return user.isBlank() || secret.isBlank() ? new SmtpEmailSender(settings, clock)
                : new SecretPasswordEmailSender(settings,
                        new SecretsManagerSecret(() -> aws.configure(SecretsManagerClient.builder()).build(), secret), clock);
    }

    private SmsSender sms() {
        return "sns".equalsIgnoreCase(BareAws.setting("notify.sms.provider", ""))
                ? new SnsSmsSender(aws.configure(SnsClient.builder()).build()) : sink;
    }
}
