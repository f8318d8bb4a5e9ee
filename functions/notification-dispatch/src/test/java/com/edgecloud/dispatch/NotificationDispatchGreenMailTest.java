package com.edgecloud.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.notify.Channel;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.notify.SmtpEmailSender;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.TestContexts;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** From an outbox record to a real SMTP server (GreenMail in this JVM): N3 end to end. */
class NotificationDispatchGreenMailTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void anOutboxRecordBecomesOneEmailOverSmtpEvenWhenDeliveredTwice_N2_N3() throws Exception {
        Fixtures fixtures = new Fixtures();
        try (ApplicationContext context = TestContexts.start(Map.of(
                "notify.smtp.host", "127.0.0.1",
                "notify.smtp.port", GREEN_MAIL.getSmtp().getPort(),
                "notify.smtp.start-tls", false,
                "notify.smtp.from", "Edge Cloud <noreply@example.com>"))) {
            NotificationDispatchHandler handler = new NotificationDispatchHandler(context);
            String account = fixtures.verifiedAccount();
            OutboxMessage m = DispatchFixture.orderPaid(account);

            handler.handleRequest(DispatchFixture.event(m), null);
            handler.handleRequest(DispatchFixture.event(m), null);

            MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("t@example.com", received[0].getAllRecipients()[0].toString());
            assertTrue(received[0].getSubject().length() > 0);
            assertEquals(m.id(), received[0].getHeader(SmtpEmailSender.NOTIFICATION_ID_HEADER)[0]);
            assertTrue(context.getBean(RecordingChannels.class).sent().stream()
                    .noneMatch(s -> s.channel() == Channel.EMAIL), "email went over SMTP");
        }
    }
}
