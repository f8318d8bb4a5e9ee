package com.edgecloud.account;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * §11 {@code PUT /account/message-settings} applied to the current settings: {@code receivers}
 * replaces them when given; a type not given keeps its setting (less any receiver this request
 * removed); every receiver id a type names must exist. A receiver id that does not is one 400
 * naming each, and nothing is written.
 */
final class MessageSettingsRequest {

    private MessageSettingsRequest() {
    }

    static MessageSettings apply(MessageSettingsBody body, MessageSettings current) {
        List<Receiver> receivers = body.receivers() == null ? current.receivers()
                : body.receivers().stream().map(r -> new Receiver(r.id(), r.name(), r.phone(), r.email())).toList();
        Set<String> known = new HashSet<>();
        known.add(MessageSettings.SELF);
        receivers.forEach(r -> known.add(r.id()));

        Map<NotificationType, TypeSetting> types = new EnumMap<>(NotificationType.class);
        current.types().forEach((type, setting) -> types.put(type, new TypeSetting(setting.channels(),
                setting.receiverIds().stream().filter(known::contains).toList())));
        List<FieldError> errors = new ArrayList<>();
        if (body.types() != null) {
            body.types().forEach((type, given) -> types.put(type, typeSetting(type, given, known, errors)));
        }
        if (!errors.isEmpty()) {
            throw BillingException.validation(errors);
        }
        return new MessageSettings(body.language() == null ? current.language() : body.language(), receivers, types);
    }

    private static TypeSetting typeSetting(NotificationType type, MessageSettingsBody.TypeSettingBody given,
                                           Set<String> known, List<FieldError> errors) {
        EnumSet<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        channels.addAll(given.channels());
        List<String> receiverIds = new ArrayList<>();
        for (int i = 0; i < given.receiverIds().size(); i++) {
            String id = given.receiverIds().get(i);
            if (!known.contains(id)) {
                errors.add(new FieldError("types." + type.name() + ".receiverIds[" + i + "]",
                        "is not a receiver: 'self' or an id in receivers"));
            } else if (!receiverIds.contains(id)) {
                receiverIds.add(id);
            }
        }
        return new TypeSetting(channels, receiverIds);
    }
}
