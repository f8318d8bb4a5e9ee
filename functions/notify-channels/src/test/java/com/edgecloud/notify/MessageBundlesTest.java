package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.NotificationType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** §11: every language's bundle says every notification, and no placeholder is ever left unfilled. */
class MessageBundlesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant AT = Instant.parse("2016-02-01T15:59:59Z");
    static final Instant LATER = Instant.parse("2016-02-08T15:59:59Z");

    /** Every {@code messages_<tag>.properties} there is: a new language is tested by adding its file. */
    static Stream<Language> languages() throws IOException, URISyntaxException {
        Path folder = Path.of(MessageBundle.class.getResource(MessageBundle.fileName("en")).toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<Language> found = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("messages_.+\\.properties"))
                    .map(name -> name.substring("messages_".length(), name.length() - ".properties".length()))
                    .map(tag -> Language.fromTag(tag.replace('_', '-')))
                    .toList();
            assertTrue(found.containsAll(List.of(Language.ZH_CN, Language.EN)), found.toString());
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyBundleHasEveryNotificationsTitleBodyAndSms_N1(Language language) {
        MessageBundle bundle = MessageBundle.of(language.tag());
        for (NotificationType type : NotificationType.values()) {
            for (String part : MessageBundle.PARTS) {
                String text = bundle.template(type.name() + "." + part);
                assertNotNull(text, MessageBundle.fileName(language.tag()) + " has no " + type + "." + part);
                assertFalse(text.isBlank(), type + "." + part);
            }
        }
    }

    // Each type with every optional fact known, and with none of them: both ends of every fragment.
    @ParameterizedTest
    @MethodSource("languages")
    void everyPlaceholderIsFilledForEveryType_N1(Language language) {
        for (NotificationType type : NotificationType.values()) {
            for (NotificationFacts facts : List.of(withEveryFact(type), withOnlyTheRequiredFacts(type))) {
                NotificationText text = NotificationText.render(facts, language);
                for (String rendered : List.of(text.title(), text.body(), text.smsBody())) {
                    assertFalse(rendered.contains("{") || rendered.contains("}") || rendered.contains("null"),
                            language.tag() + " " + type + ": " + rendered);
                }
            }
        }
    }

    @Test
    void aLanguageWithoutItsFileIsRefused_N1() {
        assertThrows(IllegalArgumentException.class, () -> Language.fromTag("fr"));
        assertThrows(IllegalArgumentException.class, () -> Language.fromTag("../messages_en"));
    }

    private static NotificationFacts withEveryFact(NotificationType type) {
        return switch (type) {
            case EXPIRY_WARNING -> NotificationFacts.expiryWarning("i-1", "sh-01", "上海", 7, AT, SHANGHAI);
            case EXPIRED -> NotificationFacts.expired("i-1", "sh-01", "上海", AT, LATER, SHANGHAI);
            case OVERDUE -> NotificationFacts.overdue("i-1", "sh-01", "上海", Money.parse("3.50"), AT, LATER, SHANGHAI);
            case SERVER_STOPPED -> NotificationFacts.serverStopped("i-1", "sh-01", "上海", LATER, SHANGHAI);
            case SERVER_RELEASED -> NotificationFacts.serverReleased("i-1", "sh-01", "上海", LATER, SHANGHAI);
            case ORDER_PAID -> NotificationFacts.orderPaid("ord-1", Money.parse("240"), 2, "sh-01", "上海", SHANGHAI);
            case AUTO_RENEWED -> NotificationFacts.autoRenewed("i-1", "sh-01", "上海", Money.parse("1000"), LATER, SHANGHAI);
            case AUTO_RENEWAL_FAILED ->
                    NotificationFacts.autoRenewalFailed("i-1", "sh-01", "上海", Money.parse("1000"), LATER, SHANGHAI);
            case BALANCE_LOW -> NotificationFacts.balanceLow(Money.parse("30"), 15, LATER, SHANGHAI);
        };
    }

    private static NotificationFacts withOnlyTheRequiredFacts(NotificationType type) {
        return switch (type) {
            case EXPIRY_WARNING -> NotificationFacts.expiryWarning("i-1", null, null, 1, AT, SHANGHAI);
            case EXPIRED -> NotificationFacts.expired("i-1", null, null, AT, LATER, SHANGHAI);
            case OVERDUE -> NotificationFacts.overdue("i-1", null, null, null, AT, LATER, SHANGHAI);
            case SERVER_STOPPED -> NotificationFacts.serverStopped("i-1", null, null, null, SHANGHAI);
            case SERVER_RELEASED -> NotificationFacts.serverReleased("i-1", null, null, null, SHANGHAI);
            case ORDER_PAID -> NotificationFacts.orderPaid("ord-1", null, null, null, null, SHANGHAI);
            case AUTO_RENEWED -> NotificationFacts.autoRenewed("i-1", null, null, Money.parse("1000"), LATER, SHANGHAI);
            case AUTO_RENEWAL_FAILED -> NotificationFacts.autoRenewalFailed("i-1", null, null, null, LATER, SHANGHAI);
            case BALANCE_LOW -> NotificationFacts.balanceLow(Money.parse("0.50"), 0, LATER, SHANGHAI);
        };
    }
}
