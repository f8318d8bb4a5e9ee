package com.edgecloud.billing.notify;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * N1, §11: an account's message settings. {@code receivers} are the account's other contacts
 * (never {@code self}, which is the account's own contact and read from the account);
 * {@code types} has an entry for every {@link NotificationType}.
 *
 * @param language {@code zh-CN} or {@code en}
 */
public record MessageSettings(String language, List<Receiver> receivers, Map<NotificationType, TypeSetting> types) {

    /** The receiver id of the account's own contact. */
    public static final String SELF = "self";
    public static final String DEFAULT_LANGUAGE = "zh-CN";

    public MessageSettings {
        Objects.requireNonNull(language, "language");
        receivers = List.copyOf(receivers);
        EnumMap<NotificationType, TypeSetting> all = new EnumMap<>(NotificationType.class);
        for (NotificationType type : NotificationType.values()) {
            all.put(type, types.getOrDefault(type, TypeSetting.DEFAULT));
        }
        types = Collections.unmodifiableMap(all);
    }

    /** N1: every channel on, to the account's own contact, texts in zh-CN. */
    public static MessageSettings defaults() {
        return new MessageSettings(DEFAULT_LANGUAGE, List.of(), Map.of());
    }

    public TypeSetting of(NotificationType type) {
        return types.get(type);
    }

    /** A contact that may receive notifications. */
    public record Receiver(String id, String name, String phone, String email) {
        public Receiver {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Which channels are on for a type, and to whom. */
    public record TypeSetting(Set<DeliveryChannel> channels, List<String> receiverIds) {

        public static final TypeSetting DEFAULT = new TypeSetting(EnumSet.allOf(DeliveryChannel.class), List.of(SELF));

        public TypeSetting {
            channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
            receiverIds = List.copyOf(receiverIds);
        }

        /** Channels in their declared order (SMS, EMAIL, IN_SITE), for a stable wire form. */
        public List<DeliveryChannel> orderedChannels() {
            return channels.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(channels));
        }
    }
}
