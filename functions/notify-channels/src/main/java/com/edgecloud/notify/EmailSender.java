package com.edgecloud.notify;

/** N3: the email channel. */
public interface EmailSender {

    /** @throws DeliveryFailedException when the message was not accepted for delivery */
    void send(EmailMessage message);
}
