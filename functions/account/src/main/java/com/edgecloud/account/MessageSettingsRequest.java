package com.edgecloud.account;

import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.http.JsonRequest;
import com.edgecloud.notify.ContactRules;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * §11 {@code PUT /account/message-settings} read against the current settings: {@code receivers}
 * (the others, never {@code self}) replaces them when given; a type not given keeps its setting
 * (less any receiver this request removed); every receiver id named must exist. Any error is
 * one 400 naming every bad field, and nothing is written.
 */
final class MessageSettingsRequest {

    private static final int MAX_RECEIVERS = 50;

    private MessageSettingsRequest() {
    }

    static MessageSettings apply(JsonRequest in, MessageSettings current) {
        String language = in.optionalText("language", 10);
        if (language != null && !language.equals("zh-CN") && !language.equals("en")) {
            in.reject("language", "must be zh-CN or en");
        }
        List<Receiver> receivers = in.has("receivers") ? receivers(in) : current.receivers();
        Set<String> known = new HashSet<>();
        known.add(MessageSettings.SELF);
        receivers.forEach(r -> known.add(r.id()));

        Map<NotificationType, TypeSetting> types = new EnumMap<>(NotificationType.class);
        current.types().forEach((type, setting) -> types.put(type, new TypeSetting(setting.channels(),
                setting.receiverIds().stream().filter(known::contains).toList())));
        JsonNode given = in.raw("types");
        if (given != null) {
            if (!given.isObject()) {
                in.reject("types", "must be an object by notification type");
            } else {
                for (Map.Entry<String, JsonNode> entry : given.entries()) {
                    NotificationType type = typeOf(entry.getKey());
                    if (type == null) {
                        in.reject("types." + entry.getKey(), "is not a notification type: one of "
                                + java.util.Arrays.toString(NotificationType.values()));
                        continue;
                    }
                    TypeSetting setting = typeSetting(in, "types." + type.name(), entry.getValue(), known);
                    if (setting != null) {
                        types.put(type, setting);
                    }
                }
            }
        }
        in.validate();
        return new MessageSettings(language == null ? current.language() : language, receivers, types);
    }

    private static List<Receiver> receivers(JsonRequest in) {
        JsonNode array = in.raw("receivers");
        List<Receiver> receivers = new ArrayList<>();
        if (array == null) {
            return receivers;
        }
        if (!array.isArray()) {
            in.reject("receivers", "must be a list of {id, name, phone?, email?}");
            return receivers;
        }
        if (array.size() > MAX_RECEIVERS) {
            in.reject("receivers", "must have at most " + MAX_RECEIVERS + " receivers");
            return receivers;
        }
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode node : array.values()) {
            String path = "receivers[" + i++ + "]";
            if (!node.isObject()) {
                in.reject(path, "must be an object {id, name, phone?, email?}");
                continue;
            }
            JsonRequest r = in.nested(node, path);
            String id = r.id("id");
            String name = r.requiredText("name", 100);
            String phone = r.optionalText("phone", 32);
            String email = r.optionalText("email", 254);
            if (MessageSettings.SELF.equals(id)) {
                in.reject(path + ".id", "'self' is the account's own contact and cannot be set here");
            } else if (id != null && !ids.add(id)) {
                in.reject(path + ".id", "is given to more than one receiver");
            }
            if (phone != null && !ContactRules.isValidPhone(phone)) {
                in.reject(path + ".phone", "must be an E.164 number, e.g. +8613800000000");
            }
            if (email != null && !ContactRules.isValidEmail(email)) {
                in.reject(path + ".email", "must be an email address");
            }
            if (phone == null && email == null) {
                in.reject(path, "needs a phone or an email");
            }
            if (id != null && name != null) {
                receivers.add(new Receiver(id, name, phone, email));
            }
        }
        return receivers;
    }

    private static TypeSetting typeSetting(JsonRequest in, String path, JsonNode node, Set<String> known) {
        if (!node.isObject()) {
            in.reject(path, "must be an object {channels, receiverIds}");
            return null;
        }
        JsonRequest t = in.nested(node, path);
        EnumSet<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        JsonNode c = t.raw("channels");
        boolean ok = true;
        if (c == null || !c.isArray()) {
            in.reject(path + ".channels", "is required: a list of SMS, EMAIL, IN_SITE");
            ok = false;
        } else {
            int i = 0;
            for (JsonNode value : c.values()) {
                DeliveryChannel channel = value.isString() ? channelOf(value.getStringValue()) : null;
                if (channel == null) {
                    in.reject(path + ".channels[" + i + "]", "must be SMS, EMAIL or IN_SITE");
                    ok = false;
                } else {
                    channels.add(channel);
                }
                i++;
            }
        }
        List<String> receiverIds = new ArrayList<>();
        JsonNode r = t.raw("receiverIds");
        if (r == null || !r.isArray()) {
            in.reject(path + ".receiverIds", "is required: a list of receiver ids ('self' or a receiver's id)");
            ok = false;
        } else {
            int i = 0;
            for (JsonNode value : r.values()) {
                String id = value.isString() ? value.getStringValue() : null;
                if (id == null || !known.contains(id)) {
                    in.reject(path + ".receiverIds[" + i + "]", "is not a receiver: 'self' or an id in receivers");
                    ok = false;
                } else if (!receiverIds.contains(id)) {
                    receiverIds.add(id);
                }
                i++;
            }
        }
        return ok ? new TypeSetting(channels, receiverIds) : null;
    }

    private static NotificationType typeOf(String name) {
        for (NotificationType t : NotificationType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static DeliveryChannel channelOf(String name) {
        for (DeliveryChannel c : DeliveryChannel.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
