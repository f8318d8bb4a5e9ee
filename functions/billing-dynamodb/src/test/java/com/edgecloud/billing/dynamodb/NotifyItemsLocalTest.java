package com.edgecloud.billing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.Ids;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.notify.Delivery;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.DeliveryStatus;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Messages, deliveries and message settings against DynamoDB Local, down to the stored
 * attributes: their names and formats are what existing data has, and the sparse index keys
 * ({@code retryBucket}, {@code failedBucket}) are present exactly while they should be.
 */
class NotifyItemsLocalTest {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final DynamoDbClient dynamo = DynamoDbLocal.shared(Tables::createAll).client();
    final TableNames tables = TableNames.defaults();
    final DynamoMessages messages = new DynamoMessages(dynamo, tables);
    final DynamoDeliveries deliveries = new DynamoDeliveries(dynamo, tables);
    final DynamoMessageSettings settings = new DynamoMessageSettings(dynamo, tables);

    @Test
    void aDeliveryIsStoredPendingAndDueWithItsRetryKeysOnly() {
        String account = newAccount();
        Delivery d = delivery(account, DeliveryChannel.EMAIL, "a@example.com", "ins-1", 3);

        assertTrue(deliveries.create(d, T0));
        assertFalse(deliveries.create(d, T0.plusSeconds(5)), "created once");

        Map<String, AttributeValue> expected = new HashMap<>();
        expected.put("id", s(d.id()));
        expected.put("notificationId", s(d.notificationId()));
        expected.put("type", s("EXPIRY_WARNING"));
        expected.put("accountId", s(account));
        expected.put("instanceId", s("ins-1"));
        expected.put("daysBefore", n(3));
        expected.put("channel", s("EMAIL"));
        expected.put("receiverId", s("self"));
        expected.put("to", s("a@example.com"));
        expected.put("title", s("Title"));
        expected.put("body", s("Body"));
        expected.put("notificationCreatedAt", s("2026-03-01T07:59:00Z"));
        expected.put("status", s("PENDING"));
        expected.put("attempts", n(0));
        expected.put("nextAttemptAt", s("2026-03-01T08:00:00Z"));
        expected.put("retryBucket", s("RETRY"));
        expected.put("updatedAt", s("2026-03-01T08:00:00Z"));
        Map<String, AttributeValue> stored = new HashMap<>(raw(tables.deliveries(), Map.of("id", s(d.id()))));
        AttributeValue createdBy = stored.remove("createdBy");
        assertEquals(36, createdBy.s().length(), "the token of the create that wrote it");
        assertEquals(expected, stored);

        Delivery found = deliveries.find(d.id()).orElseThrow();
        assertEquals(new Delivery(d.id(), d.notificationId(), d.type(), account, "ins-1", 3, DeliveryChannel.EMAIL,
                "self", "a@example.com", "Title", "Body", d.notificationCreatedAt(), DeliveryStatus.PENDING, 0, null,
                T0, T0), found);
        assertTrue(deliveries.find(Ids.next("dlv")).isEmpty());
    }

    @Test
    void aClaimLeasesItAndOnlyOneClaimWins_N2() {
        Delivery d = delivery(newAccount(), DeliveryChannel.SMS, "+8613800000000", null, null);
        deliveries.create(d, T0);

        assertTrue(deliveries.claim(d.id(), "tok-late", T0.minusSeconds(1), T0.plusSeconds(60)).isEmpty(),
                "not due yet");
        Delivery claimed = deliveries.claim(d.id(), "tok-1", T0, T0.plusSeconds(60)).orElseThrow();
        assertEquals(DeliveryStatus.SENDING, claimed.status());
        assertEquals(T0.plusSeconds(60), claimed.nextAttemptAt());
        assertNull(claimed.instanceId());
        assertNull(claimed.daysBefore());
        assertTrue(deliveries.claim(d.id(), "tok-2", T0.plusSeconds(1), T0.plusSeconds(61)).isEmpty(), "leased");
        assertTrue(deliveries.claim(Ids.next("dlv"), "tok-3", T0, T0.plusSeconds(60)).isEmpty(), "no such delivery");

        Map<String, AttributeValue> item = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertEquals(s("SENDING"), item.get("status"));
        assertEquals(s("tok-1"), item.get("leaseToken"));
        assertEquals(s("RETRY"), item.get("retryBucket"));
        assertEquals(s("2026-03-01T08:01:00Z"), item.get("nextAttemptAt"));
        assertFalse(item.containsKey("instanceId"));
        assertFalse(item.containsKey("daysBefore"));

        assertFalse(deliveries.markSent(d.id(), "tok-other", T0.plusSeconds(2)), "not our claim");
        assertTrue(deliveries.markSent(d.id(), "tok-1", T0.plusSeconds(2)));
        Map<String, AttributeValue> sent = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertEquals(s("SENT"), sent.get("status"));
        assertEquals(n(1), sent.get("attempts"));
        assertEquals(s("2026-03-01T08:00:02Z"), sent.get("updatedAt"));
        for (String gone : List.of("retryBucket", "nextAttemptAt", "leaseToken", "failedBucket")) {
            assertFalse(sent.containsKey(gone), gone);
        }
        Delivery done = deliveries.find(d.id()).orElseThrow();
        assertEquals(DeliveryStatus.SENT, done.status());
        assertNull(done.nextAttemptAt());
    }

    @Test
    void aRetryIsDueAgainAndAFailureIsParkedInTheFailedIndex_N2() {
        Instant at = Instant.parse("2026-04-01T00:00:00Z");
        Delivery d = delivery(newAccount(), DeliveryChannel.EMAIL, "x@example.com", null, null);
        deliveries.create(d, at);
        assertTrue(deliveries.due(at, 1000).contains(d.id()));
        assertFalse(deliveries.due(at.minusSeconds(1), 1000).contains(d.id()));

        deliveries.claim(d.id(), "t1", at, at.plusSeconds(30)).orElseThrow();
        assertFalse(deliveries.due(at.plusSeconds(29), 1000).contains(d.id()), "leased");
        assertTrue(deliveries.due(at.plusSeconds(30), 1000).contains(d.id()), "a crashed claim is due again");
        assertTrue(deliveries.markRetry(d.id(), "t1", at.plusSeconds(1), "smtp 451", at.plusSeconds(120)));
        Map<String, AttributeValue> retrying = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertEquals(s("PENDING"), retrying.get("status"));
        assertEquals(s("smtp 451"), retrying.get("lastError"));
        assertEquals(s("RETRY"), retrying.get("retryBucket"));
        assertEquals(s("2026-04-01T00:02:00Z"), retrying.get("nextAttemptAt"));
        assertFalse(retrying.containsKey("leaseToken"));
        assertFalse(retrying.containsKey("failedBucket"));
        assertTrue(deliveries.due(at.plusSeconds(120), 1000).contains(d.id()));

        deliveries.claim(d.id(), "t2", at.plusSeconds(120), at.plusSeconds(150)).orElseThrow();
        assertTrue(deliveries.markFailed(d.id(), "t2", at.plusSeconds(121), "smtp 550"));
        Map<String, AttributeValue> parked = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertEquals(s("FAILED"), parked.get("status"));
        assertEquals(s("FAILED"), parked.get("failedBucket"));
        assertEquals(n(2), parked.get("attempts"));
        assertEquals(s("smtp 550"), parked.get("lastError"));
        for (String gone : List.of("retryBucket", "nextAttemptAt", "leaseToken")) {
            assertFalse(parked.containsKey(gone), gone);
        }
        assertFalse(deliveries.due(at.plusSeconds(10_000), 1000).contains(d.id()));
        assertTrue(deliveries.claim(d.id(), "t3", at.plusSeconds(10_000), at.plusSeconds(10_030)).isEmpty(),
                "a parked delivery waits for an operator");

        Delivery retried = deliveries.claimFailed(d.id(), "t4", at.plusSeconds(10_030)).orElseThrow();
        assertEquals(DeliveryStatus.SENDING, retried.status());
        assertEquals("smtp 550", retried.lastError());
        Map<String, AttributeValue> reclaimed = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertFalse(reclaimed.containsKey("failedBucket"));
        assertEquals(s("RETRY"), reclaimed.get("retryBucket"));
        assertEquals(s("t4"), reclaimed.get("leaseToken"));
        assertTrue(deliveries.claimFailed(d.id(), "t5", at.plusSeconds(10_060)).isEmpty(), "not FAILED any more");
    }

    @Test
    void failedDeliveriesPageNewestFirst() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant at = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i);
            Delivery d = delivery(newAccount(), DeliveryChannel.SMS, "+86138", null, null);
            deliveries.create(d, at);
            deliveries.claim(d.id(), "t", at, at.plusSeconds(30)).orElseThrow();
            deliveries.markFailed(d.id(), "t", at, "no");
            ids.add(0, d.id());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Delivery> page = deliveries.failed(1, token);
            assertTrue(page.items().size() <= 1);
            page.items().forEach(d -> seen.add(d.id()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 1000);
        List<String> mine = seen.stream().filter(ids::contains).toList();
        assertEquals(ids, mine, "newest failure first");
        assertThrows(BillingException.class, () -> deliveries.failed(1, "bm90IGEgdG9rZW4"));
    }

    @Test
    void anInSiteDeliveryWritesTheMessageTheCounterAndSentAtOnce_N3() {
        String account = newAccount();
        Delivery d = delivery(account, DeliveryChannel.IN_SITE, null, "ins-9", 7);
        deliveries.create(d, T0);
        deliveries.claim(d.id(), "tok", T0, T0.plusSeconds(60)).orElseThrow();
        InSiteMessage message = new InSiteMessage("msg-" + d.id(), account, NotificationType.EXPIRY_WARNING, "ins-9",
                7, T0, "Title", "Body", false);

        assertFalse(deliveries.deliverInSite(d, message, "not-mine", T0), "a lost claim writes nothing");
        assertTrue(messages.list(account, 10, null).items().isEmpty());
        assertEquals(0, messages.unreadCount(account));

        assertTrue(deliveries.deliverInSite(d, message, "tok", T0.plusSeconds(1)));

        Map<String, AttributeValue> expected = new HashMap<>();
        expected.put("accountId", s(account));
        expected.put("sk", s("2026-03-01T08:00:00Z#" + message.id()));
        expected.put("id", s(message.id()));
        expected.put("type", s("EXPIRY_WARNING"));
        expected.put("instanceId", s("ins-9"));
        expected.put("daysBefore", n(7));
        expected.put("createdAt", s("2026-03-01T08:00:00Z"));
        expected.put("title", s("Title"));
        expected.put("body", s("Body"));
        expected.put("read", AttributeValue.fromBool(false));
        assertEquals(expected, raw(tables.messages(), Map.of("accountId", s(account),
                "sk", s("2026-03-01T08:00:00Z#" + message.id()))));
        assertEquals(n(1), raw(tables.accounts(), Map.of("accountId", s(account))).get("unreadMessages"));
        Map<String, AttributeValue> sent = raw(tables.deliveries(), Map.of("id", s(d.id())));
        assertEquals(s("SENT"), sent.get("status"));
        assertEquals(n(1), sent.get("attempts"));
        assertFalse(sent.containsKey("retryBucket"));

        // a second delivery of the same message (a retry after a crash) finds it written: SENT, counted once
        Delivery again = delivery(account, DeliveryChannel.IN_SITE, null, "ins-9", 7);
        deliveries.create(again, T0);
        deliveries.claim(again.id(), "tok2", T0, T0.plusSeconds(60)).orElseThrow();
        assertTrue(deliveries.deliverInSite(again, message, "tok2", T0.plusSeconds(2)));
        assertEquals(DeliveryStatus.SENT, deliveries.find(again.id()).orElseThrow().status());
        assertEquals(1, messages.unreadCount(account));
        assertEquals(List.of(message), messages.list(account, 10, null).items());
    }

    @Test
    void messagesPageNewestFirstAndAreMarkedReadOnce_N3() {
        String account = newAccount();
        String other = newAccount();
        List<InSiteMessage> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(0, deliverInSite(account, T0.plusSeconds(i), i == 0 ? null : "ins-" + i));
        }
        deliverInSite(other, T0, null);
        assertEquals(3, messages.unreadCount(account));

        Page<InSiteMessage> first = messages.list(account, 2, null);
        assertEquals(written.subList(0, 2), first.items());
        assertTrue(first.nextToken() != null);
        Page<InSiteMessage> second = messages.list(account, 2, first.nextToken());
        assertEquals(written.subList(2, 3), second.items());
        assertNull(second.nextToken());
        assertNull(messages.list(account, 3, null).nextToken(), "a full last page has no token");
        assertThrows(BillingException.class, () -> messages.list(other, 2, first.nextToken()),
                "a token pages only its own account");
        Map<String, AttributeValue> oldest = raw(tables.messages(), Map.of("accountId", s(account),
                "sk", s("2026-03-01T08:00:00Z#" + written.get(2).id())));
        assertFalse(oldest.containsKey("instanceId"));
        assertFalse(oldest.containsKey("daysBefore"));

        InSiteMessage target = written.get(1);
        assertEquals(target, messages.find(account, target.id()).orElseThrow());
        assertTrue(messages.find(other, target.id()).isEmpty(), "another account's message is not found");
        assertTrue(messages.markRead(other, target.id()).isEmpty());

        InSiteMessage read = messages.markRead(account, target.id()).orElseThrow();
        assertTrue(read.read());
        assertEquals(target.id(), read.id());
        assertEquals(2, messages.unreadCount(account));
        assertEquals(AttributeValue.fromBool(true), raw(tables.messages(), Map.of("accountId", s(account),
                "sk", s("2026-03-01T08:00:01Z#" + target.id()))).get("read"));
        assertTrue(messages.markRead(account, target.id()).orElseThrow().read());
        assertEquals(2, messages.unreadCount(account), "read twice, counted once");
        assertTrue(messages.find(account, target.id()).orElseThrow().read());
        assertEquals(0, messages.unreadCount(Ids.next("acct")), "no account, no messages");
    }

    @Test
    void settingsAreStoredOnTheAccountItemUnderTheirVersion_N1() {
        String account = newAccount();
        Map<String, AttributeValue> before = raw(tables.accounts(), Map.of("accountId", s(account)));
        DynamoMessageSettings.Versioned none = settings.find(account);
        assertEquals(MessageSettings.defaults(), none.settings());
        assertEquals(0, none.version());
        assertEquals(0, settings.find(Ids.next("acct")).version());

        MessageSettings chosen = new MessageSettings("en",
                List.of(new Receiver("ops", "Ops", "+8613900000000", null), new Receiver("boss", null, null, "b@x.com")),
                Map.of(NotificationType.ORDER_PAID, new TypeSetting(EnumSet.of(DeliveryChannel.IN_SITE,
                        DeliveryChannel.SMS), List.of("ops", "self")),
                        NotificationType.EXPIRED, new TypeSetting(EnumSet.noneOf(DeliveryChannel.class), List.of())));
        settings.save(account, chosen, 0);
        assertThrows(ConcurrentUpdateException.class, () -> settings.save(account, chosen, 0));

        Map<String, AttributeValue> item = raw(tables.accounts(), Map.of("accountId", s(account)));
        Map<String, AttributeValue> types = new LinkedHashMap<>();
        for (NotificationType type : NotificationType.values()) {
            types.put(type.name(), AttributeValue.fromM(Map.of(
                    "channels", strings("SMS", "EMAIL", "IN_SITE"), "receiverIds", strings("self"))));
        }
        types.put("ORDER_PAID", AttributeValue.fromM(Map.of("channels", strings("SMS", "IN_SITE"),
                "receiverIds", strings("ops", "self"))));
        types.put("EXPIRED", AttributeValue.fromM(Map.of("channels", strings(), "receiverIds", strings())));
        AttributeValue expected = AttributeValue.fromM(Map.of(
                "language", s("en"),
                "receivers", AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("id", s("ops"), "name", s("Ops"), "phone", s("+8613900000000"))),
                        AttributeValue.fromM(Map.of("id", s("boss"), "email", s("b@x.com"))))),
                "types", AttributeValue.fromM(types)));
        assertEquals(expected, item.get("messageSettings"));
        assertEquals(n(1), item.get("messageSettingsVersion"));
        before.forEach((name, value) -> assertEquals(value, item.get(name), name + " untouched"));

        DynamoMessageSettings.Versioned found = settings.find(account);
        assertEquals(chosen, found.settings());
        assertEquals(1, found.version());

        settings.save(account, MessageSettings.defaults(), 1);
        assertEquals(new DynamoMessageSettings.Versioned(MessageSettings.defaults(), 2), settings.find(account));
        assertThrows(ConcurrentUpdateException.class, () -> settings.save(account, chosen, 1));
    }

    private InSiteMessage deliverInSite(String account, Instant createdAt, String instanceId) {
        Delivery d = delivery(account, DeliveryChannel.IN_SITE, null, instanceId, instanceId == null ? null : 1);
        deliveries.create(d, T0);
        deliveries.claim(d.id(), "tok", T0, T0.plusSeconds(60)).orElseThrow();
        InSiteMessage message = new InSiteMessage(Ids.next("msg"), account, NotificationType.ORDER_PAID, instanceId,
                instanceId == null ? null : 1, createdAt, "T", "B", false);
        assertTrue(deliveries.deliverInSite(d, message, "tok", T0));
        return message;
    }

    private String newAccount() {
        String id = Ids.next("acct");
        new DynamoAccountRepository(dynamo, tables).saveProfile(id, true, Verification.PERSONAL, null, T0);
        return id;
    }

    private static Delivery delivery(String account, DeliveryChannel channel, String to, String instanceId,
                                     Integer daysBefore) {
        return new Delivery(Ids.next("dlv"), Ids.next("ntf"), NotificationType.EXPIRY_WARNING, account, instanceId,
                daysBefore, channel, MessageSettings.SELF, to, "Title", "Body", T0.minusSeconds(60),
                DeliveryStatus.FAILED, 9, "ignored", T0.plusSeconds(999), T0.plusSeconds(999));
    }

    private Map<String, AttributeValue> raw(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue strings(String... values) {
        return AttributeValue.fromL(Arrays.stream(values).map(AttributeValue::fromS).toList());
    }
}
