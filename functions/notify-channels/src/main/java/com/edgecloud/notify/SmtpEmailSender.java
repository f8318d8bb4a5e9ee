package com.edgecloud.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** N3: email over SMTP (Angus Mail), plain text in UTF-8 so Chinese arrives intact. */
public final class SmtpEmailSender implements EmailSender {

    // A dispatcher runs inside a Lambda invocation: a silent server must fail the attempt, not hang it.
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(20);

    /** Lets an operator find the notification behind a message in a mailbox or an SMTP log. */
    public static final String NOTIFICATION_ID_HEADER = "X-Notification-Id";

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final Clock clock;

    public SmtpEmailSender(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(sessionProperties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP: invalid from address '" + settings.from() + "'", e);
        }
    }

    static Properties sessionProperties(SmtpSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.auth", Boolean.toString(s.username() != null));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        if (s.ssl()) {
            p.setProperty("mail.smtp.ssl.enable", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (s.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public void send(EmailMessage m) {
        Objects.requireNonNull(m, "message");
        MimeMessage mime = toMime(m);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private MimeMessage toMime(EmailMessage m) {
        // §11: the same rule the message settings were validated with; a bad address never gets better.
        if (!ContactRules.isValidEmail(m.to())) {
            throw DeliveryFailedException.permanent("invalid recipient address", null);
        }
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
            mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());
            mime.setText(m.body(), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader(NOTIFICATION_ID_HEADER, m.notificationId());
            mime.saveChanges();
            return mime;
        } catch (AddressException e) {
            throw DeliveryFailedException.permanent("invalid recipient address", e);
        } catch (MessagingException e) {
            throw DeliveryFailedException.permanent("cannot build the message: " + e.getMessage(), e);
        }
    }

    /** N2: tells a failure worth retrying (no connection, 4xx) from one that is not (5xx, bad login). */
    private DeliveryFailedException classify(MessagingException e) {
        Integer code = smtpReturnCode(e);
        if (code != null) {
            String reason = "SMTP server answered " + code;
            return code >= 400 && code < 500
                    ? DeliveryFailedException.retryable(reason + " (temporary)", e)
                    : DeliveryFailedException.permanent(reason + " (rejected)", e);
        }
        if (e instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                && sfe.getInvalidAddresses().length > 0) {
            return DeliveryFailedException.permanent("SMTP server rejected the recipient", e);
        }
        if (e instanceof AuthenticationFailedException) {
            return DeliveryFailedException.permanent("SMTP authentication failed", e);
        }
        if (hasCause(e, IOException.class)) {
            return DeliveryFailedException.retryable(
                    "cannot reach SMTP server " + settings.host() + ":" + settings.port(), e);
        }
        return DeliveryFailedException.retryable("SMTP error: " + e.getMessage(), e);
    }

    private static Integer smtpReturnCode(MessagingException e) {
        for (Exception x = e; x != null;
             x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException s) {
                return s.getReturnCode();
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
