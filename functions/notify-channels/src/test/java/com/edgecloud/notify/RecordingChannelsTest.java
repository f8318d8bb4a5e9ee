package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.NotificationType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RecordingChannelsTest {

    static final Instant NOW = Instant.parse("2016-02-01T08:00:00Z");
    final RecordingChannels channels = new RecordingChannels(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void keepsWhatWasSentShapedForLocalSent() {
        channels.send(email("n-1", "li@example.com"));
        channels.send(new SmsMessage("n-1", NotificationType.EXPIRY_WARNING, "i-1", "+8613800000000", "短信"));

        List<SentItem> sent = channels.sent();

        assertEquals(2, sent.size());
        SentItem sms = sent.get(0);
        assertEquals(new SentItem(sms.id(), "n-1", NotificationType.EXPIRY_WARNING, "i-1", Channel.SMS,
                "+8613800000000", null, "短信", NOW), sms);
        SentItem mail = sent.get(1);
        assertEquals(new SentItem(mail.id(), "n-1", NotificationType.EXPIRY_WARNING, "i-1", Channel.EMAIL,
                "li@example.com", "主题", "正文", NOW), mail);
        assertFalse(sms.id().equals(mail.id()));
    }

    @Test
    void sentAtComesFromTheClock_T2() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        RecordingChannels atLater = new RecordingChannels(Clock.fixed(later, ZoneOffset.UTC));

        atLater.send(email("n-1", "li@example.com"));

        assertEquals(later, atLater.sent().get(0).sentAt());
    }

    @Test
    void keepsOnlyTheNewestUpToItsCapacity() {
        RecordingChannels small = new RecordingChannels(Clock.fixed(NOW, ZoneOffset.UTC), 3);
        for (int i = 1; i <= 5; i++) {
            small.send(email("n-" + i, "li@example.com"));
        }

        List<String> kept = small.sent().stream().map(SentItem::notificationId).toList();

        assertEquals(List.of("n-5", "n-4", "n-3"), kept);
    }

    @Test
    void injectedFailuresHitOnlyTheNextSendsOfThatChannel_N2() {
        channels.failNext(Channel.EMAIL, 2);

        DeliveryFailedException first = assertThrows(DeliveryFailedException.class,
                () -> channels.send(email("n-1", "li@example.com")));
        channels.send(new SmsMessage("n-1", NotificationType.OVERDUE, "i-1", "+8613800000000", "sms"));
        assertThrows(DeliveryFailedException.class, () -> channels.send(email("n-1", "li@example.com")));
        channels.send(email("n-1", "li@example.com"));

        assertTrue(first.isRetryable());
        assertEquals(List.of(Channel.EMAIL, Channel.SMS),
                channels.sent().stream().map(SentItem::channel).toList());
    }

    @Test
    void rejectedSendIsPermanentFailure_N2() {
        channels.rejectNext(Channel.SMS, 1);

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                () -> channels.send(new SmsMessage("n-1", NotificationType.OVERDUE, "i-1", "+8613800000000", "x")));

        assertFalse(e.isRetryable());
        assertTrue(channels.sent().isEmpty());
    }

    @Test
    void clearForgetsSentItemsAndPendingFailures() {
        channels.send(email("n-1", "li@example.com"));
        channels.failNext(Channel.EMAIL, 1);

        channels.clear();
        channels.send(email("n-2", "li@example.com"));

        assertEquals(List.of("n-2"), channels.sent().stream().map(SentItem::notificationId).toList());
    }

    @Test
    void concurrentSendsAreAllKeptWithDistinctIds() throws Exception {
        int threads = 4;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        channels.send(email("n-" + thread + "-" + i, "li@example.com"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<SentItem> sent = channels.sent();
        assertEquals(threads * perThread, sent.size());
        assertEquals(threads * perThread, new HashSet<>(sent.stream().map(SentItem::id).toList()).size());
    }

    private static EmailMessage email(String notificationId, String to) {
        return new EmailMessage(notificationId, NotificationType.EXPIRY_WARNING, "i-1", to, "主题", "正文");
    }
}
