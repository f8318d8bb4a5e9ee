package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * N1: an account's message settings, kept on the account item as {@code messageSettings} (a map:
 * {@code language}, {@code receivers} (a list of {@code {id, name, phone, email}}), {@code types}
 * (type name → {@code {channels, receiverIds}})) with {@code messageSettingsVersion}. The account
 * item as this side sees it ({@link Stored}) is only ever read through the enhanced client, never
 * put (a put would replace the whole account item): a write is an update of these two attributes.
 */
final class MessageSettingsItems {

    private static final ItemSchema<Receiver> R = ItemSchema.of(Receiver.class);
    static final Column<String> RECEIVER_ID = R.text("id", Receiver::id);
    static final Column<String> RECEIVER_NAME = R.text("name", Receiver::name);
    static final Column<String> RECEIVER_PHONE = R.text("phone", Receiver::phone);
    static final Column<String> RECEIVER_EMAIL = R.text("email", Receiver::email);
    static final TableSchema<Receiver> RECEIVER = R.build(row -> new Receiver(row.get(RECEIVER_ID),
            row.get(RECEIVER_NAME), row.get(RECEIVER_PHONE), row.get(RECEIVER_EMAIL)));

    private static final ItemSchema<TypeSetting> T = ItemSchema.of(TypeSetting.class);
    /** In their declared order (SMS, EMAIL, IN_SITE), by name. */
    static final Column<List<String>> CHANNELS = T.texts("channels",
            t -> t.orderedChannels().stream().map(Enum::name).toList());
    static final Column<List<String>> RECEIVER_IDS = T.texts("receiverIds", TypeSetting::receiverIds);
    static final TableSchema<TypeSetting> TYPE_SETTING = T.build(row -> new TypeSetting(
            channels(row.get(CHANNELS, List.of())), row.get(RECEIVER_IDS, List.of())));

    private static final ItemSchema<MessageSettings> M = ItemSchema.of(MessageSettings.class);
    static final Column<String> LANGUAGE = M.text("language", MessageSettings::language);
    static final Column<List<Receiver>> RECEIVERS = M.documents("receivers", Receiver.class, RECEIVER,
            MessageSettings::receivers);
    static final Column<Map<String, TypeSetting>> TYPES = M.documentMap("types", TypeSetting.class, TYPE_SETTING,
            s -> byName(s.types()));
    static final TableSchema<MessageSettings> SETTINGS_DOCUMENT = M.build(row -> new MessageSettings(
            row.get(LANGUAGE, MessageSettings.DEFAULT_LANGUAGE), row.get(RECEIVERS, List.of()),
            byType(row.get(TYPES, Map.of()))));

    /** The account item's settings and their version; no settings stored reads as null settings, version 0. */
    record Stored(String accountId, MessageSettings settings, Long version) {
    }

    private static final ItemSchema<Stored> S = ItemSchema.of(Stored.class);
    static final Column<String> ACCOUNT = S.text("accountId", Stored::accountId, primaryPartitionKey());
    static final Column<MessageSettings> SETTINGS = S.document("messageSettings", MessageSettings.class,
            SETTINGS_DOCUMENT, Stored::settings);
    static final Column<Long> VERSION = S.number("messageSettingsVersion", Stored::version);
    static final TableSchema<Stored> SCHEMA = S.build(row -> new Stored(row.get(ACCOUNT), row.get(SETTINGS),
            row.get(VERSION, 0L)));

    private MessageSettingsItems() {
    }

    static Map<String, AttributeValue> key(String accountId) {
        return Key.builder().partitionValue(accountId).build().keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }

    private static EnumSet<DeliveryChannel> channels(List<String> names) {
        EnumSet<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        names.forEach(name -> channels.add(DeliveryChannel.valueOf(name)));
        return channels;
    }

    private static Map<String, TypeSetting> byName(Map<NotificationType, TypeSetting> types) {
        Map<String, TypeSetting> byName = new LinkedHashMap<>();
        types.forEach((type, setting) -> byName.put(type.name(), setting));
        return byName;
    }

    private static Map<NotificationType, TypeSetting> byType(Map<String, TypeSetting> byName) {
        Map<NotificationType, TypeSetting> types = new EnumMap<>(NotificationType.class);
        byName.forEach((name, setting) -> types.put(NotificationType.valueOf(name), setting));
        return types;
    }
}
