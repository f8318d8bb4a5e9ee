package com.edgecloud.notify;

import java.util.Map;
import java.util.Objects;

/**
 * The words a customer receives for one notification: a title (the email subject and the
 * in-site message's title), a body (the email and in-site message), and a short SMS body.
 */
public record NotificationText(String title, String body, String smsBody) {

    public NotificationText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(smsBody, "smsBody");
    }

    /** §11: the texts are in the language of the account's message settings, from its bundle. */
    public static NotificationText render(NotificationFacts facts, Language language) {
        Objects.requireNonNull(facts, "facts");
        MessageBundle texts = MessageBundle.of(Objects.requireNonNull(language, "language").tag());
        Map<String, Object> placeholders = facts.placeholders();
        return new NotificationText(texts.render(facts.type(), "title", placeholders),
                texts.render(facts.type(), "body", placeholders),
                texts.render(facts.type(), "sms", placeholders));
    }
}
