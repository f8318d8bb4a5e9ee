package com.edgecloud.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.dynamodb.DynamoMessages;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.notify.Channel;
import com.edgecloud.notify.Deliverer;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.notify.SentItem;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NotificationDispatchFunction through its Lambda handler, against DynamoDB Local (N1, N2). */
class NotificationDispatchIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static ApplicationContext context;
    static NotificationDispatchHandler handler;
    static RecordingChannels sink;
    static DynamoDeliveries deliveries;
    static DynamoMessages messages;

    @BeforeAll
    static void start() {
        // a retry is due at once, so a test can run the sweep until a delivery is parked
        context = TestContexts.start(Map.of("notify.delivery.backoff-base", "0ms"));
        handler = new NotificationDispatchHandler(context);
        sink = context.getBean(RecordingChannels.class);
        deliveries = context.getBean(DynamoDeliveries.class);
        messages = context.getBean(DynamoMessages.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @BeforeEach
    void clearSink() {
        sink.clear();
    }

    @Test
    void anOrderPaidGoesToSelfOnEveryChannelByDefault_N1() {
        String account = fixtures.verifiedAccount();
        OutboxMessage m = DispatchFixture.orderPaid(account);

        StreamsEventResponse response = handler.handleRequest(DispatchFixture.event(m), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(1, sentFor(m, Channel.EMAIL).size());
        assertEquals("t@example.com", sentFor(m, Channel.EMAIL).get(0).to());
        assertEquals(1, sentFor(m, Channel.SMS).size());
        assertEquals("+8613800000000", sentFor(m, Channel.SMS).get(0).to());
        assertEquals(1, messages.unreadCount(account));
        assertTrue(messages.list(account, 10, null).items().get(0).body().contains(m.orderId()));
    }

    @Test
    void aBalanceLowOfTheAccountGoesOutWithItsHoursLeft_G7() {
        String account = fixtures.verifiedAccount();
        Instant at = Instant.parse("2026-12-01T07:00:00Z");
        OutboxMessage m = OutboxMessage.balanceLow(Ids.next("msg"), account, Money.parse("46.00"),
                at.plus(Duration.ofHours(23)), at);

        StreamsEventResponse response = handler.handleRequest(DispatchFixture.event(m), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(1, sentFor(m, Channel.EMAIL).size());
        assertTrue(sentFor(m, Channel.SMS).get(0).body().contains("23"), sentFor(m, Channel.SMS).get(0).body());
        assertEquals(1, messages.unreadCount(account));
    }

    @Test
    void aRedeliveredBatchSendsNothingTwice_N2() {
        String account = fixtures.verifiedAccount();
        DynamodbEvent batch = DispatchFixture.event(DispatchFixture.orderPaid(account), DispatchFixture.orderPaid(account));

        handler.handleRequest(batch, null);
        handler.handleRequest(batch, null);
        handler.handleRequest(new DynamodbEvent(), null); // the retry sweep finds nothing due either

        assertEquals(4, sink.sent().size(), "two notifications, an email and an SMS each");
        assertEquals(2, messages.list(account, 10, null).items().size());
        assertEquals(2, messages.unreadCount(account));
    }

    @Test
    void twoDispatchersOnTheSameBatchSendEachDeliveryOnce_N2() throws Exception {
        String account = fixtures.verifiedAccount();
        List<OutboxMessage> notifications = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            notifications.add(DispatchFixture.orderPaid(account));
        }
        DynamodbEvent batch = DispatchFixture.event(notifications.toArray(OutboxMessage[]::new));
        NotificationDispatchHandler other = new NotificationDispatchHandler(context);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StreamsEventResponse>> runs = new ArrayList<>();
            for (NotificationDispatchHandler h : List.of(handler, other)) {
                Callable<StreamsEventResponse> run = () -> {
                    together.await();
                    return h.handleRequest(batch, null);
                };
                runs.add(pool.submit(run));
            }
            for (Future<StreamsEventResponse> run : runs) {
                assertTrue(run.get().getBatchItemFailures().isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
        handler.handleRequest(new DynamodbEvent(), null);

        for (OutboxMessage m : notifications) {
            assertEquals(1, sentFor(m, Channel.EMAIL).size(), "one email for " + m.id());
            assertEquals(1, sentFor(m, Channel.SMS).size(), "one SMS for " + m.id());
        }
        assertEquals(10, messages.list(account, 100, null).items().size());
        assertEquals(10, messages.unreadCount(account));
    }

    @Test
    void perTypeChannelsAndReceiversAreHonoured_N1() {
        String account = fixtures.verifiedAccount();
        DynamoMessageSettings settings = context.getBean(DynamoMessageSettings.class);
        settings.save(account, new MessageSettings("en",
                List.of(new Receiver("ops", "Ops", "+8613900000000", null), new Receiver("boss", "Boss", null, "b@example.com")),
                Map.of(NotificationType.ORDER_PAID, new TypeSetting(EnumSet.of(DeliveryChannel.SMS, DeliveryChannel.EMAIL),
                        List.of("ops", "boss")))), 0);
        OutboxMessage m = DispatchFixture.orderPaid(account);

        handler.handleRequest(DispatchFixture.event(m), null);

        assertEquals(List.of("+8613900000000"), sentFor(m, Channel.SMS).stream().map(SentItem::to).toList(),
                "ops has no email, boss no phone; self is not chosen");
        assertEquals(List.of("b@example.com"), sentFor(m, Channel.EMAIL).stream().map(SentItem::to).toList());
        assertEquals(0, messages.list(account, 10, null).items().size(), "IN_SITE is off for ORDER_PAID");
        assertTrue(sentFor(m, Channel.EMAIL).get(0).subject().matches("\\p{ASCII}+"), "English");
    }

    @Test
    void theTextsAreInTheAccountsLanguage_N1() {
        String zh = fixtures.verifiedAccount();
        String en = fixtures.verifiedAccount();
        context.getBean(DynamoMessageSettings.class).save(en, new MessageSettings("en", List.of(), Map.of()), 0);
        OutboxMessage toZh = DispatchFixture.orderPaid(zh);
        OutboxMessage toEn = DispatchFixture.orderPaid(en);

        handler.handleRequest(DispatchFixture.event(toZh, toEn), null);

        String zhTitle = messages.list(zh, 1, null).items().get(0).title();
        String enTitle = messages.list(en, 1, null).items().get(0).title();
        assertTrue(zhTitle.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                zhTitle);
        assertTrue(enTitle.matches("\\p{ASCII}+"), enTitle);
        assertEquals(enTitle, sentFor(toEn, Channel.EMAIL).get(0).subject());
    }

    @Test
    void aChannelFailingFiveTimesIsParkedThenAnOperatorsRetrySendsIt_N2() {
        String account = fixtures.verifiedAccount();
        OutboxMessage m = DispatchFixture.orderPaid(account);
        sink.failNext(Channel.EMAIL, 5);

        handler.handleRequest(DispatchFixture.event(m), null);
        for (int sweep = 0; sweep < 10; sweep++) {
            handler.handleRequest(new DynamodbEvent(), null);
        }

        String id = OutboxDispatch.deliveryId(m.id(), DeliveryChannel.EMAIL, MessageSettings.SELF);
        var parked = deliveries.find(id).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, parked.status());
        assertEquals(5, parked.attempts());
        assertTrue(parked.lastError().contains("injected"));
        assertEquals(0, sentFor(m, Channel.EMAIL).size());
        assertTrue(deliveries.failed(100, null).items().stream().anyMatch(d -> d.id().equals(id)));

        var retried = context.getBean(Deliverer.class).retryFailed(id).orElseThrow();

        assertEquals(DeliveryStatus.SENT, retried.status());
        assertEquals(6, retried.attempts());
        assertEquals(1, sentFor(m, Channel.EMAIL).size());
        assertTrue(deliveries.failed(100, null).items().stream().noneMatch(d -> d.id().equals(id)));
    }

    @Test
    void aPermanentFailureIsParkedAtOnce_N2() {
        String account = fixtures.verifiedAccount();
        OutboxMessage m = DispatchFixture.orderPaid(account);
        sink.rejectNext(Channel.SMS, 1);

        handler.handleRequest(DispatchFixture.event(m), null);

        var parked = deliveries.find(OutboxDispatch.deliveryId(m.id(), DeliveryChannel.SMS, MessageSettings.SELF))
                .orElseThrow();
        assertEquals(DeliveryStatus.FAILED, parked.status());
        assertEquals(1, parked.attempts());
    }

    @Test
    void autoRenewalAndBalanceLowGoToSelfOnEveryChannelByDefault_R4_G7_N1() {
        String account = fixtures.verifiedAccount();
        context.getBean(DynamoMessageSettings.class).save(account, new MessageSettings("en", List.of(), Map.of()), 0);
        Instance instance = fixtures.monthly(account, fixtures.nodeWithHourlyPrice("2.00", 5),
                Instant.parse("2026-01-01T07:00:00Z"), Instant.parse("2026-02-01T15:59:59Z"));
        Instant at = Instant.parse("2026-01-29T15:59:59Z");
        OutboxMessage renewed = new OutboxMessage(Ids.next("msg"), NotificationType.AUTO_RENEWED, account, instance.id(),
                null, null, at, Money.parse("1000.00"), Instant.parse("2026-03-02T15:59:59Z"));
        OutboxMessage failed = new OutboxMessage(Ids.next("msg"), NotificationType.AUTO_RENEWAL_FAILED, account,
                instance.id(), null, null, at, Money.parse("1000.00"), instance.expiresAt());
        OutboxMessage low = OutboxMessage.balanceLow(Ids.next("msg"), account, Money.parse("40.00"),
                at.plus(Duration.ofHours(20)), at);

        StreamsEventResponse response = handler.handleRequest(DispatchFixture.event(renewed, failed, low), null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        for (OutboxMessage m : List.of(renewed, failed, low)) {
            assertEquals(List.of("t@example.com"), sentFor(m, Channel.EMAIL).stream().map(SentItem::to).toList());
            assertEquals(List.of("+8613800000000"), sentFor(m, Channel.SMS).stream().map(SentItem::to).toList());
        }
        assertEquals(3, messages.unreadCount(account), "and an in-site message each");
        assertTrue(sentFor(renewed, Channel.EMAIL).get(0).body().contains("CNY 1000.00 was charged"),
                sentFor(renewed, Channel.EMAIL).get(0).body());
        assertTrue(sentFor(renewed, Channel.EMAIL).get(0).body().contains("2026-03-02 23:59:59 (UTC+08:00)"));
        assertTrue(sentFor(failed, Channel.SMS).get(0).body().startsWith("Auto-renewal of server " + instance.id()));
        assertEquals("Your balance lasts about 20 hours more", sentFor(low, Channel.EMAIL).get(0).subject());
    }

    private static List<SentItem> sentFor(OutboxMessage m, Channel channel) {
        return sink.sent().stream().filter(s -> s.notificationId().equals(m.id()) && s.channel() == channel).toList();
    }
}
