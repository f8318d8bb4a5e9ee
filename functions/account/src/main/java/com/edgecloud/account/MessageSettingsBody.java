package com.edgecloud.account;

import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.notify.DeliveryChannel;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.http.CheckedBody;
import com.edgecloud.http.Fields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * §11 {@code PUT /account/message-settings}: every part optional; {@code receivers} (never
 * {@code self}) replaces the others when given, {@code types} changes the types it names.
 */
@Serdeable
public record MessageSettingsBody(
        @Nullable @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String language,
        @Nullable @Size(max = MessageSettingsBody.MAX_RECEIVERS) List<@Valid ReceiverBody> receivers,
        @Nullable Map<NotificationType, @Valid TypeSettingBody> types) implements CheckedBody {

    static final int MAX_RECEIVERS = 50;

    /** Someone else to notify: a phone (E.164), an email, or both. */
    @Serdeable
    @Schema(name = "MessageReceiverBody")
    public record ReceiverBody(
            @NotNull @Pattern(regexp = Fields.ID, message = Fields.ID_MESSAGE) String id,
            @NotBlank @Size(max = 100) String name,
            @Nullable @Pattern(regexp = Fields.E164, message = Fields.E164_MESSAGE) String phone,
            @Nullable @Size(max = 254) @Pattern(regexp = Fields.EMAIL, message = "must be an email address") String email) {
    }

    /** The channels of one notification type and who gets it ('self' or a receiver's id). */
    @Serdeable
    @Schema(name = "MessageTypeSettingBody")
    public record TypeSettingBody(@NotNull List<@NotNull DeliveryChannel> channels,
                              @NotNull List<@NotNull @Size(max = 64) String> receiverIds) {
    }

    /** Receiver ids are unique and never 'self' (the account's own contact); each has a phone or an email. */
    @Override
    public List<FieldError> crossFieldErrors() {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; receivers != null && i < receivers.size(); i++) {
            ReceiverBody r = receivers.get(i);
            if (MessageSettings.SELF.equals(r.id())) {
                errors.add(new FieldError("receivers[" + i + "].id", "'self' is the account's own contact and cannot be set here"));
            } else if (!ids.add(r.id())) {
                errors.add(new FieldError("receivers[" + i + "].id", "is given to more than one receiver"));
            }
            if (r.phone() == null && r.email() == null) {
                errors.add(new FieldError("receivers[" + i + "]", "needs a phone or an email"));
            }
        }
        return errors;
    }
}
