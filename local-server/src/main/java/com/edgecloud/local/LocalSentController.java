package com.edgecloud.local;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import com.edgecloud.http.Views;
import com.edgecloud.notify.RecordingChannels;
import com.edgecloud.notify.SentItem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /_local/sent}: what the email and SMS channels sent, newest first (SPEC §10). */
@Controller("/_local/sent")
public class LocalSentController {

    private final RecordingChannels sent;
    private final Views views;

    public LocalSentController(RecordingChannels sent, Views views) {
        this.sent = sent;
        this.views = views;
    }

    @Get
    @Operation(operationId = "listSentNotifications", summary = "List the emails and SMS the notifications sent", tags = "local", security = {})
    public SentList list() {
        return new SentList(sent.sent().stream().map(i -> new SentView(i.id(), i.notificationId(), i.type().name(),
                i.instanceId(), i.channel().name(), i.to(), i.subject(), i.body(), views.time(i.sentAt()))).toList());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SentNotificationList")
    public record SentList(List<SentView> items) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL) // an SMS has no subject, a message of the account no instance
    @Schema(name = "SentNotification")
    public record SentView(String id, @Nullable String notificationId, String type, @Nullable String instanceId,
                           @Schema(allowableValues = {"EMAIL", "SMS"}) String channel, String to,
                           @Nullable @Schema(description = "Emails only") String subject, String body,
                           @Schema(format = "date-time") String sentAt) {
    }
}
