package com.edgecloud.notify;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * N3: SMTP whose password is a secret (Secrets Manager in AWS, issue 16), read on the first email a
 * container sends and kept: never at init, so it is not in a SnapStart snapshot, and never an
 * environment variable anyone with {@code lambda:GetFunctionConfiguration} can read. A failed
 * read fails that delivery as retryable (N2) and is tried again on the next one.
 */
public final class SecretPasswordEmailSender implements EmailSender {

    private final SmtpSettings settings;
    private final Supplier<String> password;
    private final Clock clock;
    private volatile SmtpEmailSender sender;

    /** {@code settings}: everything but the password, which must be null there. */
    public SecretPasswordEmailSender(SmtpSettings settings, Supplier<String> password, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.password = Objects.requireNonNull(password, "password");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (settings.username() == null || settings.password() != null) {
            throw new IllegalArgumentException("SMTP: a password secret needs a username and no password in the settings");
        }
    }

    @Override
    public void send(EmailMessage m) {
        sender().send(m);
    }

    private SmtpEmailSender sender() {
        SmtpEmailSender known = sender;
        if (known == null) {
            synchronized (this) {
                if (sender == null) {
                    sender = new SmtpEmailSender(withPassword(readPassword()), clock);
                }
                known = sender;
            }
        }
        return known;
    }

    private String readPassword() {
        try {
            return password.get();
        } catch (RuntimeException e) {
            throw DeliveryFailedException.retryable("cannot read the SMTP password secret: " + e.getMessage(), e);
        }
    }

    private SmtpSettings withPassword(String secret) {
        return new SmtpSettings(settings.host(), settings.port(), settings.startTls(), settings.ssl(),
                settings.username(), secret, settings.from());
    }
}
