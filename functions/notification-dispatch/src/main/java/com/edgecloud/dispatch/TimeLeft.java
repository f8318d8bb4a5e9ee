package com.edgecloud.dispatch;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Issue 16: whether an invocation has time for one more delivery attempt. One stalled email takes
 * up to the SMTP connect timeout plus the I/O timeout (10 s + 20 s, SmtpEmailSender); an attempt
 * is only started with that and a margin left, so a slow SMTP server makes the batch hand its
 * remaining deliveries to the retry sweep (they are already stored, due now, N2) instead of timing
 * out mid-send and having the stream redeliver the whole batch.
 */
final class TimeLeft implements BooleanSupplier {

    /** A stalled email (10 s connect + 20 s I/O) and 10 s to record its outcome. */
    static final Duration ONE_DELIVERY = Duration.ofSeconds(40);

    private final Context lambda;

    TimeLeft(Context lambda) {
        this.lambda = lambda;
    }

    /** Always true without a Lambda context (tests, the local server): nothing times them out. */
    @Override
    public boolean getAsBoolean() {
        return lambda == null || lambda.getRemainingTimeInMillis() >= ONE_DELIVERY.toMillis();
    }
}
