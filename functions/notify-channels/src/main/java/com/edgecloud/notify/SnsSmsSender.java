package com.edgecloud.notify;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

/** N3: SMS through Amazon SNS, published straight to a phone number (no topic). */
public final class SnsSmsSender implements SmsSender {

    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    // Transactional: SNS routes for reliability, not cost; these messages warn of data loss.
    static final String TRANSACTIONAL = "Transactional";

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = Objects.requireNonNull(sns, "sns");
    }

    @Override
    public void send(SmsMessage m) {
        Objects.requireNonNull(m, "message");
        // §11: settings only accept E.164; anything else here cannot be delivered by retrying.
        if (!ContactRules.isValidPhone(m.phoneNumber())) {
            throw DeliveryFailedException.permanent("invalid phone number", null);
        }
        PublishRequest request = PublishRequest.builder()
                .phoneNumber(m.phoneNumber())
                .message(m.body())
                .messageAttributes(Map.of(SMS_TYPE, MessageAttributeValue.builder()
                        .dataType("String").stringValue(TRANSACTIONAL).build()))
                .build();
        try {
            sns.publish(request);
        } catch (SnsException e) {
            throw classify(e);
        } catch (SdkClientException e) {
            // No answer from SNS (network, timeout): the SDK has already retried; later may work.
            throw DeliveryFailedException.retryable("cannot reach SNS: " + e.getMessage(), e);
        }
    }

    /** N2: throttling and server errors are worth retrying; a refused request is not. */
    private static DeliveryFailedException classify(SnsException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String reason = "SNS answered " + e.statusCode() + (code == null ? "" : " " + code);
        if (e.isThrottlingException() || e.statusCode() >= 500) {
            return DeliveryFailedException.retryable(reason, e);
        }
        return DeliveryFailedException.permanent(reason, e);
    }
}
