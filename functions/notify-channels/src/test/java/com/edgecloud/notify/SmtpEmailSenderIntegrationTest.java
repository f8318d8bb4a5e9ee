package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.NotificationType;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmtpEmailSender} against GreenMail, a real SMTP server in this JVM (N3). */
class SmtpEmailSenderIntegrationTest {

    // A free port per run: other builds on this machine may be running their own servers.
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final Instant NOW = Instant.parse("2016-02-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void emailCarriesSubjectAndBodyInTheAccountsLanguage_N3() throws Exception {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), null, null), CLOCK);
        String subject = "您的服务器 i-123 将在 7 天后到期";
        String body = "您位于节点 sh-01（上海）的包年包月服务器 i-123 将于 2016-02-01 23:59:59 (UTC+08:00) 到期。\n\n"
                + "请在到期前续费。";

        sender.send(new EmailMessage("n-1", NotificationType.EXPIRY_WARNING, "i-123", "li@example.com", subject, body));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage m = received[0];
        assertEquals(new InternetAddress("li@example.com"), m.getRecipients(Message.RecipientType.TO)[0]);
        assertEquals(new InternetAddress("Edge Cloud <noreply@edge.example>"), m.getFrom()[0]);
        assertEquals(subject, m.getSubject());
        assertEquals(body, ((String) m.getContent()).replace("\r\n", "\n"));
        assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
        assertEquals(NOW, m.getSentDate().toInstant());
        assertEquals("n-1", m.getHeader(SmtpEmailSender.NOTIFICATION_ID_HEADER)[0]);
    }

    @Test
    void logsInWhenGivenCredentials_N3() throws Exception {
        GREEN_MAIL.setUser("noreply@edge.example", "smtp-user", "s3cret");
        SmtpEmailSender sender = new SmtpEmailSender(
                settings(GREEN_MAIL.getSmtp().getPort(), "smtp-user", "s3cret"), CLOCK);

        sender.send(new EmailMessage("n-2", NotificationType.ORDER_PAID, null, "li@example.com",
                "Your order ord-7 has been paid", "Your order ord-7 of CNY 240.00 has been paid."));

        assertEquals(1, GREEN_MAIL.getReceivedMessages().length);
        assertEquals("Your order ord-7 has been paid", GREEN_MAIL.getReceivedMessages()[0].getSubject());
    }

    @Test
    void wrongPasswordIsPermanentFailure_N2() {
        GREEN_MAIL.setUser("noreply@edge.example", "smtp-user", "s3cret");
        SmtpEmailSender sender = new SmtpEmailSender(
                settings(GREEN_MAIL.getSmtp().getPort(), "smtp-user", "wrong"), CLOCK);

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> sender.send(message("li@example.com")));

        assertFalse(e.isRetryable(), e.reason());
        assertEquals("SMTP authentication failed", e.reason());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void unreachableServerIsRetryableFailure_N2() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SmtpEmailSender sender = new SmtpEmailSender(settings(closedPort, null, null), CLOCK);

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> sender.send(message("li@example.com")));

        assertTrue(e.isRetryable(), e.reason());
        assertEquals("cannot reach SMTP server 127.0.0.1:" + closedPort, e.reason());
    }

    @Test
    void recipientRejectedWith5xxIsPermanentFailure_N2() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 <li@example.com>: user unknown")) {
            SmtpEmailSender sender = new SmtpEmailSender(settings(server.port(), null, null), CLOCK);

            DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                    () -> sender.send(message("li@example.com")));

            assertFalse(e.isRetryable(), e.reason());
            assertEquals("SMTP server answered 550 (rejected)", e.reason());
        }
    }

    @Test
    void recipientDeferredWith4xxIsRetryableFailure_N2() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.7.1 greylisted, try again later")) {
            SmtpEmailSender sender = new SmtpEmailSender(settings(server.port(), null, null), CLOCK);

            DeliveryFailedException e = assertThrows(DeliveryFailedException.class,
                    () -> sender.send(message("li@example.com")));

            assertTrue(e.isRetryable(), e.reason());
            assertEquals("SMTP server answered 451 (temporary)", e.reason());
        }
    }

    @Test
    void malformedAddressIsPermanentFailureWithoutConnecting_N2() {
        SmtpEmailSender sender = new SmtpEmailSender(settings(GREEN_MAIL.getSmtp().getPort(), null, null), CLOCK);

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> sender.send(message("li@localhost")));

        assertFalse(e.isRetryable());
        assertEquals(0, GREEN_MAIL.getReceivedMessages().length);
    }

    @Test
    void startTlsIsRequiredNotOptional_N3() {
        Properties p = SmtpEmailSender.sessionProperties(
                new SmtpSettings("smtp.example.com", 587, true, false, "u", "p", "noreply@example.com"));

        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        assertEquals(null, p.getProperty("mail.smtp.ssl.enable"));
    }

    @Test
    void settingsNeverPrintThePassword() {
        SmtpSettings s = new SmtpSettings("smtp.example.com", 465, false, true, "u", "s3cret", "noreply@example.com");

        assertFalse(s.toString().contains("s3cret"), s.toString());
    }

    private static SmtpSettings settings(int port, String username, String password) {
        return new SmtpSettings("127.0.0.1", port, false, false, username, password, "Edge Cloud <noreply@edge.example>");
    }

    private static EmailMessage message(String to) {
        return new EmailMessage("n-9", NotificationType.OVERDUE, "i-9", to, "subject", "body");
    }
}
