package com.edgecloud.local;

import static com.edgecloud.local.LocalFunction.httpApi;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.dispatch.NotificationDispatchHandler;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.expiry.ExpirySweepHandler;
import com.edgecloud.runtime.InvocationContext;
import com.edgecloud.usage.UsageBillingHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The functions {@code POST /_local/invoke/{logicalId}} knows, by SAM logical id (SPEC §10). */
@Singleton
public class LocalFunctions {

    /** Every invokable function. Adding one is one line here. */
    static final List<LocalFunction<?, ?>> ALL = List.of(
            httpApi("CatalogFunction", "com.edgecloud.catalog"),
            httpApi("PurchaseFunction", "com.edgecloud.purchase"),
            httpApi("InstancesFunction", "com.edgecloud.instances"),
            httpApi("RenewalFunction", "com.edgecloud.renewal"),
            httpApi("AccountFunction", "com.edgecloud.account"),
            httpApi("AdminFunction", "com.edgecloud.admin"),
            LocalFunction.handler("NotificationDispatchFunction", DynamodbEvent.class, NotificationDispatchHandler::new),
            httpApi("PaymentCallbackFunction", "com.edgecloud.payment"),
            LocalFunction.scheduled("ExpirySweepFunction", ExpirySweepHandler::new),
            LocalFunction.scheduled("UsageBillingFunction", UsageBillingHandler::new),
            // an SQS event of bucket envelopes, as the bucket queue delivers them (issue 19)
            LocalFunction.scheduled("UsageBucketFunction", UsageBillingHandler::new));

    private static final Logger LOG = LoggerFactory.getLogger(LocalFunctions.class);

    private final ApplicationContext context;
    private final JsonMapper json;
    private final Map<String, LocalFunction<?, ?>> byLogicalId = new LinkedHashMap<>();
    private final Map<String, RequestHandler<?, ?>> handlers = new ConcurrentHashMap<>();

    public LocalFunctions(ApplicationContext context, JsonMapper json) {
        this.context = context;
        this.json = json;
        ALL.forEach(function -> byLogicalId.put(function.logicalId(), function));
    }

    public List<String> logicalIds() {
        return List.copyOf(byLogicalId.keySet());
    }

    /**
     * Runs the function on {@code eventJson} as {@code sam local invoke} would, and answers its
     * result JSON, or Lambda's error JSON when the handler throws.
     */
    public Invocation invoke(String logicalId, String eventJson) {
        LocalFunction<?, ?> function = byLogicalId.get(logicalId);
        if (function == null) {
            throw new BillingException(ErrorCode.NOT_FOUND, "No function with logical id '" + logicalId
                    + "'. Known: " + String.join(", ", byLogicalId.keySet()) + ".");
        }
        return run(function, eventJson);
    }

    private <I, O> Invocation run(LocalFunction<I, O> function, String eventJson) {
        I event = readEvent(function.eventType(), eventJson);
        @SuppressWarnings("unchecked")
        RequestHandler<I, O> handler = (RequestHandler<I, O>) handlers.computeIfAbsent(
                function.logicalId(), id -> function.handlerFactory().apply(context));
        // A fresh propagated context: the function must not see the /_local/invoke request as its own.
        try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
            O result = handler.handleRequest(event, InvocationContext.of(function.logicalId()));
            return new Invocation(writeResult(result), false);
        } catch (RuntimeException | Error e) {
            LOG.warn("{} failed", function.logicalId(), e);
            return new Invocation(errorJson(e), true);
        }
    }

    private <I> I readEvent(Class<I> type, String eventJson) {
        if (eventJson == null || eventJson.isBlank()) {
            throw invalidEvent("is required: the event JSON, as in events/");
        }
        I event;
        try {
            event = serializer(type).fromJson(eventJson);
        } catch (RuntimeException e) {
            throw invalidEvent("is not a " + type.getSimpleName() + " JSON: " + rootMessage(e));
        }
        if (event == null) {
            throw invalidEvent("is not a " + type.getSimpleName() + " JSON");
        }
        return event;
    }

    @SuppressWarnings("unchecked")
    private <O> String writeResult(O result) {
        if (result == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer((Class<O>) result.getClass()).toJson(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lambda's shape for an unhandled error: errorMessage, errorType, stackTrace. */
    private String errorJson(Throwable e) {
        Map<String, JsonNode> error = new LinkedHashMap<>();
        error.put("errorMessage", JsonNode.createStringNode(String.valueOf(e.getMessage())));
        error.put("errorType", JsonNode.createStringNode(e.getClass().getName()));
        List<JsonNode> trace = new ArrayList<>();
        Arrays.stream(e.getStackTrace()).limit(50).forEach(frame -> trace.add(JsonNode.createStringNode(frame.toString())));
        error.put("stackTrace", JsonNode.createArrayNode(trace));
        try {
            return new String(json.writeValueAsBytes(JsonNode.createObjectNode(error)), StandardCharsets.UTF_8);
        } catch (IOException io) {
            throw new IllegalStateException("Cannot write the error JSON", io);
        }
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, LocalFunctions.class.getClassLoader());
    }

    private static BillingException invalidEvent(String message) {
        return BillingException.validation(List.of(new FieldError("event", message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** The result JSON of one invocation; {@code failed} when it is Lambda's error JSON. */
    public record Invocation(String resultJson, boolean failed) {
    }
}
