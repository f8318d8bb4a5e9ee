package com.edgecloud.notify;

import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.time.SystemTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N2: sends one delivery at most once at a time. It is claimed first (a conditional write with
 * a lease on system time), so two dispatchers, a redelivered stream batch or a re-run sweep
 * never send it twice; then sent, then marked. A failure is retried with exponential back-off
 * and jitter until {@code maxAttempts}, then parked FAILED; a permanent failure (a rejected
 * address) is parked at once.
 */
public final class Deliverer {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final DynamoDeliveries deliveries;
    private final EmailSender email;
    private final SmsSender sms;
    private final SystemTime time;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final Duration lease;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Attempts sent and attempts failed since the last call (the dispatch's metrics). */
    public record Tally(int sent, int failed) {
    }

    public Deliverer(DynamoDeliveries deliveries, EmailSender email, SmsSender sms, SystemTime time,
                     int maxAttempts, Duration backoffBase, Duration backoffCap, Duration lease) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.email = Objects.requireNonNull(email, "email");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.time = Objects.requireNonNull(time, "time");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoffBase = backoffBase;
        this.backoffCap = backoffCap;
        this.lease = lease;
    }

    /** Sends the delivery if it is due and nobody else has it; the delivery as it is afterwards. */
    public Optional<Delivery> attempt(String deliveryId) {
        String token = UUID.randomUUID().toString();
        Instant now = time.now();
        return deliveries.claim(deliveryId, token, now, now.plus(lease))
                .map(claimed -> send(claimed, token, false))
                .or(() -> deliveries.find(deliveryId));
    }

    /** An operator's retry of a FAILED delivery: sent now, then SENT or FAILED again. Empty if not FAILED. */
    public Optional<Delivery> retryFailed(String deliveryId) {
        String token = UUID.randomUUID().toString();
        return deliveries.claimFailed(deliveryId, token, time.now().plus(lease))
                .map(claimed -> send(claimed, token, true));
    }

    /** Attempts every delivery that is due (retries, and claims whose dispatcher died); how many. */
    public int sweepDue(int limit) {
        List<String> due = deliveries.due(time.now(), limit);
        due.forEach(this::attempt);
        return due.size();
    }

    /** What was sent and what failed since the last tally; the counts start again from zero. */
    public Tally tally() {
        return new Tally(sent.getAndSet(0), failed.getAndSet(0));
    }

    private Delivery send(Delivery d, String token, boolean parkOnFailure) {
        try {
            transmit(d, token);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            retryOrPark(d, token, e, parkOnFailure);
        }
        return deliveries.find(d.id()).orElseThrow();
    }

    /** Sends over the delivery's channel and marks it SENT; an in-site message is stored and marked in one write. */
    private void transmit(Delivery d, String token) {
        switch (d.channel()) {
            case EMAIL -> email.send(new EmailMessage(d.notificationId(), d.type(), d.instanceId(), d.to(),
                    d.title(), d.body()));
            case SMS -> sms.send(new SmsMessage(d.notificationId(), d.type(), d.instanceId(), d.to(), d.body()));
            case IN_SITE -> {
                InSiteMessage message = new InSiteMessage(messageId(d), d.accountId(), d.type(), d.instanceId(),
                        d.daysBefore(), d.notificationCreatedAt(), d.title(), d.body(), false);
                deliveries.deliverInSite(d, message, token, time.now());
                sent.incrementAndGet();
                return;
            }
        }
        sent.incrementAndGet();
        if (!deliveries.markSent(d.id(), token, time.now())) {
            LOG.warn("delivery {} was sent but its claim had expired", d.id());
        }
    }

    /** N2: a retryable failure backs off until the last attempt; a permanent one, or the last, is parked FAILED. */
    private void retryOrPark(Delivery d, String token, RuntimeException e, boolean parkOnFailure) {
        boolean retryable = !(e instanceof DeliveryFailedException f) || f.isRetryable();
        String reason = e instanceof DeliveryFailedException f ? f.reason() : e.getClass().getSimpleName();
        reason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        Instant now = time.now();
        int attempts = d.attempts() + 1;
        if (parkOnFailure || !retryable || attempts >= maxAttempts) {
            LOG.warn("delivery {} ({} {}) parked FAILED after {} attempts: {}", d.id(), d.channel(), d.type(),
                    attempts, reason);
            deliveries.markFailed(d.id(), token, now, reason);
        } else {
            Instant next = now.plus(backoff(attempts));
            LOG.info("delivery {} failed (attempt {}): {}; next at {}", d.id(), attempts, reason, next);
            deliveries.markRetry(d.id(), token, now, reason, next);
        }
    }

    /** Exponential back-off with jitter: between half and all of base × 2^(attempts−1), at most the cap. */
    Duration backoff(int attempts) {
        long base = backoffBase.toMillis();
        long full = Math.min(backoffCap.toMillis(), base * (1L << Math.min(attempts - 1, 20)));
        long half = full / 2;
        return Duration.ofMillis(half + (full > half ? ThreadLocalRandom.current().nextLong(full - half + 1) : 0));
    }

    /** The in-site message's id follows from the delivery's, so a retried write finds it already there. */
    static String messageId(Delivery d) {
        return "msg-" + d.id().replaceFirst("^dlv-", "");
    }
}
