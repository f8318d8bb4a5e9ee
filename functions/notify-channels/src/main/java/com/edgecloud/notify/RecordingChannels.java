package com.edgecloud.notify;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Both channels as a sink that keeps what was sent instead of sending it: the local server's
 * channels when no real SMTP host is configured, read by {@code GET /_local/sent} (§10), and a
 * test double. Newest first, at most {@code capacity} items (the oldest are dropped).
 * Failures can be injected to exercise the dispatcher's retries (N2).
 */
public final class RecordingChannels implements EmailSender, SmsSender {

    public static final int DEFAULT_CAPACITY = 1000;

    private final Clock clock;
    private final int capacity;
    private final Deque<SentItem> sent = new ArrayDeque<>();
    private final Map<Channel, Deque<Boolean>> pendingFailures = new EnumMap<>(Channel.class);
    private long sequence;

    public RecordingChannels(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public RecordingChannels(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        for (Channel c : Channel.values()) {
            pendingFailures.put(c, new ArrayDeque<>());
        }
    }

    @Override
    public synchronized void send(EmailMessage m) {
        Objects.requireNonNull(m, "message");
        failIfInjected(Channel.EMAIL);
        record(new SentItem(nextId(), m.notificationId(), m.type(), m.instanceId(), Channel.EMAIL,
                m.to(), m.subject(), m.body(), clock.instant()));
    }

    @Override
    public synchronized void send(SmsMessage m) {
        Objects.requireNonNull(m, "message");
        failIfInjected(Channel.SMS);
        record(new SentItem(nextId(), m.notificationId(), m.type(), m.instanceId(), Channel.SMS,
                m.phoneNumber(), null, m.body(), clock.instant()));
    }

    /** What was sent, newest first (a copy). */
    public synchronized List<SentItem> sent() {
        return List.copyOf(sent);
    }

    /** The next {@code times} sends on {@code channel} throw a retryable failure, as a dropped connection would. */
    public synchronized void failNext(Channel channel, int times) {
        inject(channel, times, true);
    }

    /** The next {@code times} sends on {@code channel} throw a permanent failure, as a rejected address would. */
    public synchronized void rejectNext(Channel channel, int times) {
        inject(channel, times, false);
    }

    /** Forgets what was sent and any failure still to come. */
    public synchronized void clear() {
        sent.clear();
        pendingFailures.values().forEach(Deque::clear);
    }

    private void inject(Channel channel, int times, boolean retryable) {
        Objects.requireNonNull(channel, "channel");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        Deque<Boolean> queue = pendingFailures.get(channel);
        for (int i = 0; i < times; i++) {
            queue.addLast(retryable);
        }
    }

    private void failIfInjected(Channel channel) {
        Boolean retryable = pendingFailures.get(channel).pollFirst();
        if (retryable != null) {
            throw new DeliveryFailedException("injected " + channel + " failure", retryable, null);
        }
    }

    private void record(SentItem item) {
        sent.addFirst(item);
        while (sent.size() > capacity) {
            sent.removeLast();
        }
    }

    private String nextId() {
        return "sent-" + (++sequence);
    }
}
