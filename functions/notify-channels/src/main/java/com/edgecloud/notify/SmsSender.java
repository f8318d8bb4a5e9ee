package com.edgecloud.notify;

/** N3: the SMS channel (Amazon SNS in AWS). */
public interface SmsSender {

    /** @throws DeliveryFailedException when the message was not accepted for delivery */
    void send(SmsMessage message);
}
