package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * N1: message settings live on the account item ({@code messageSettings}, versioned by
 * {@code messageSettingsVersion}). A write sets only those two attributes, under the version
 * read, so it never touches the wallet (cash, coupons, walletVersion) and never loses a
 * concurrent settings change.
 */
public final class DynamoMessageSettings {

    static final String SETTINGS = "messageSettings";
    static final String VERSION = "messageSettingsVersion";

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoMessageSettings(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** The stored settings (the defaults when none) and the version they were read at. */
    public Versioned find(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(tables.accounts())
                .key(DynamoAccountRepository.key(accountId)).consistentRead(true)
                .projectionExpression(SETTINGS + ", " + VERSION).build()).item();
        if (item == null || !item.containsKey(SETTINGS)) {
            return new Versioned(MessageSettings.defaults(), 0);
        }
        return new Versioned(fromItem(item.get(SETTINGS).m()), new Item(item).n(VERSION, 0));
    }

    /** Writes {@code settings} if the stored version is still {@code version}; else ConcurrentUpdateException. */
    public void save(String accountId, MessageSettings settings, long version) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":s", AttributeValue.fromM(toItem(settings)));
        values.put(":next", Attr.n(version + 1));
        String condition = version == 0 ? "attribute_not_exists(" + VERSION + ")" : VERSION + " = :v";
        if (version != 0) {
            values.put(":v", Attr.n(version));
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(tables.accounts())
                    .key(DynamoAccountRepository.key(accountId))
                    .updateExpression("SET " + SETTINGS + " = :s, " + VERSION + " = :next")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("message settings of " + accountId + " changed meanwhile");
        }
    }

    static Map<String, AttributeValue> toItem(MessageSettings s) {
        List<AttributeValue> receivers = new ArrayList<>();
        for (Receiver r : s.receivers()) {
            receivers.add(AttributeValue.fromM(Attr.item().s("id", r.id()).s("name", r.name()).s("phone", r.phone())
                    .s("email", r.email()).build()));
        }
        Map<String, AttributeValue> types = new LinkedHashMap<>();
        s.types().forEach((type, setting) -> types.put(type.name(), AttributeValue.fromM(Map.of(
                "channels", Attr.strings(setting.orderedChannels().stream().map(Enum::name).toList()),
                "receiverIds", Attr.strings(setting.receiverIds())))));
        return Map.of("language", Attr.s(s.language()), "receivers", AttributeValue.fromL(receivers),
                "types", AttributeValue.fromM(types));
    }

    static MessageSettings fromItem(Map<String, AttributeValue> m) {
        List<Receiver> receivers = new ArrayList<>();
        if (m.containsKey("receivers")) {
            for (AttributeValue r : m.get("receivers").l()) {
                Item i = new Item(r.m());
                receivers.add(new Receiver(i.s("id"), i.s("name"), i.s("phone"), i.s("email")));
            }
        }
        Map<NotificationType, TypeSetting> types = new EnumMap<>(NotificationType.class);
        if (m.containsKey("types")) {
            m.get("types").m().forEach((name, value) -> {
                Item i = new Item(value.m());
                EnumSet<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
                i.strings("channels").forEach(c -> channels.add(DeliveryChannel.valueOf(c)));
                types.put(NotificationType.valueOf(name), new TypeSetting(channels, i.strings("receiverIds")));
            });
        }
        String language = m.containsKey("language") ? m.get("language").s() : MessageSettings.DEFAULT_LANGUAGE;
        return new MessageSettings(language, receivers, types);
    }

    public record Versioned(MessageSettings settings, long version) {
    }
}
