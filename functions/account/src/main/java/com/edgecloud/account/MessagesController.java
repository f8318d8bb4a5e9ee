package com.edgecloud.account;

import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.http.Bound;
import com.edgecloud.http.PageLimit;
import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.dynamodb.DynamoMessageSettings;
import com.edgecloud.billing.dynamodb.DynamoMessages;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.notify.InSiteMessage;
import com.edgecloud.billing.notify.MessageSettings;
import com.edgecloud.billing.notify.MessageSettings.Receiver;
import com.edgecloud.billing.notify.MessageSettings.TypeSetting;
import com.edgecloud.billing.notify.NotificationType;
import com.edgecloud.http.Caller;
import com.edgecloud.http.PageRequest;
import com.edgecloud.http.Views;
import com.edgecloud.billing.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** N1 message settings and N3 in-site messages of the caller's account (§11). */
@Controller("/account")
public class MessagesController {

    private static final String ANY = "*/*";
    private static final int SAVE_TRIES = 3;

    private final AccountRepository accounts;
    private final DynamoMessageSettings settings;
    private final DynamoMessages messages;
    private final Views views;
    private final JsonMapper json;

    public MessagesController(AccountRepository accounts, DynamoMessageSettings settings, DynamoMessages messages,
                              Views views, JsonMapper json) {
        this.accounts = accounts;
        this.settings = settings;
        this.messages = messages;
        this.views = views;
        this.json = json;
    }

    @Get("/message-settings")
    @Operation(operationId = "getMessageSettings", summary = "Read the message settings (N1)", tags = "account")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.InternalError
    public SettingsView getSettings(@Bound Caller caller) {
        return view(caller.accountId(), settings.find(caller.accountId()).settings());
    }

    /** §11: validated whole first (400 naming the field, nothing written), then one conditional write. */
    @Put(value = "/message-settings", consumes = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMessageSettings", summary = "Change the message settings (N1)", tags = "account")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.Busy
    @ProblemAnswers.InternalError
    public SettingsView putSettings(@Bound Caller caller, @Body MessageSettingsBody body) {
        for (int attempt = 1; ; attempt++) {
            DynamoMessageSettings.Versioned current = settings.find(caller.accountId());
            MessageSettings changed = MessageSettingsRequest.apply(body, current.settings());
            try {
                settings.save(caller.accountId(), changed, current.version());
                return view(caller.accountId(), changed);
            } catch (ConcurrentUpdateException e) {
                if (attempt >= SAVE_TRIES) {
                    throw new BillingException(ErrorCode.BUSY, "The message settings are being changed; retry.");
                }
            }
        }
    }

    @Get("/messages")
    @Operation(operationId = "listMessages", summary = "List the in-site messages (N3)", tags = "account")
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.InternalError
    public MessageListView list(@Bound Caller caller, @PageLimit @Nullable @QueryValue String limit,
                                @Nullable @QueryValue String nextToken) {
        PageRequest page = PageRequest.of(limit, nextToken);
        // The count first: a message written meanwhile then shows in the page without being counted,
        // never counted without being in the page.
        long unread = messages.unreadCount(caller.accountId());
        Page<InSiteMessage> found = messages.list(caller.accountId(), page.limit(), page.nextToken());
        return new MessageListView(found.items().stream().map(this::message).toList(), found.nextToken(), unread);
    }

    @Post(value = "/messages/{id}/read", consumes = ANY)
    @Operation(operationId = "markMessageRead", summary = "Mark a message read (N3)", tags = "account")
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public MessageView read(@Bound Caller caller, @PathVariable String id) {
        return messages.markRead(caller.accountId(), id).map(this::message)
                .orElseThrow(() -> BillingException.notFound("Message " + id));
    }

    private MessageView message(InSiteMessage m) {
        return new MessageView(m.id(), m.type().name(), m.instanceId(), m.daysBefore(), views.time(m.createdAt()),
                m.title(), m.body(), m.read());
    }

    private SettingsView view(String accountId, MessageSettings s) {
        Contact self = accounts.find(accountId).map(a -> a.contact()).orElse(null);
        List<ReceiverView> receivers = new ArrayList<>();
        receivers.add(new ReceiverView(MessageSettings.SELF, self == null ? null : self.name(),
                self == null ? null : self.phone(), self == null ? null : self.email()));
        for (Receiver r : s.receivers()) {
            receivers.add(new ReceiverView(r.id(), r.name(), r.phone(), r.email()));
        }
        Map<String, TypeView> types = new LinkedHashMap<>();
        for (NotificationType type : NotificationType.values()) {
            TypeSetting t = s.of(type);
            types.put(type.name(), new TypeView(t.orderedChannels().stream().map(Enum::name).toList(), t.receiverIds()));
        }
        return new SettingsView(s.language(), receivers, types);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MessageSettings")
    public record SettingsView(String language, List<ReceiverView> receivers, Map<String, TypeView> types) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MessageReceiver")
    public record ReceiverView(String id, @Nullable String name, @Nullable String phone, @Nullable String email) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MessageTypeSetting")
    public record TypeView(List<String> channels, List<String> receiverIds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Message")
    public record MessageView(String id, String type, @Nullable String instanceId, @Nullable Integer daysBefore,
                              @Schema(format = "date-time") String createdAt, String title, String body, boolean read) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MessageList")
    public record MessageListView(List<MessageView> items,
                                  @Nullable @Schema(description = "Null on the last page") String nextToken,
                                  long unreadCount) {
    }
}
