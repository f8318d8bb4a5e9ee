package com.edgecloud.dispatch;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.Context;
import com.edgecloud.billing.dynamodb.DynamoDeliveries;
import com.edgecloud.billing.time.SystemTime;
import com.edgecloud.notify.Deliverer;
import com.edgecloud.runtime.Observability;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of NotificationDispatchFunction (N2). From the Outbox table's stream: each
 * INSERT becomes its deliveries; a record that cannot be handled is reported as a batch item
 * failure, so only it and what follows are delivered again (its finished deliveries are not sent
 * twice). On its schedule (an event with no Records) it sends the deliveries whose retry is due.
 */
public class NotificationDispatchHandler extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatchHandler.class);
    /** Due deliveries one scheduled run sends at most. */
    static final int SWEEP_LIMIT = 200;

    public NotificationDispatchHandler() {
        super();
    }

    /** For tests and the local server: run on a context they built. */
    public NotificationDispatchHandler(ApplicationContext context) {
        super(context);
    }

    /**
     * With the invocation's fields on every log line; then the deliveries sent and failed as EMF
     * metrics. (MicronautRequestHandler registers the invocation's Context as a bean.)
     */
    @Override
    public StreamsEventResponse execute(DynamodbEvent event) {
        Context lambda = getApplicationContext().findBean(Context.class).orElse(null);
        return Observability.withLogging(lambda, () -> {
            StreamsEventResponse response = dispatch(event, new TimeLeft(lambda));
            Deliverer.Tally tally = getApplicationContext().getBean(Deliverer.class).tally();
            Observability.publish(lambda, Map.of(Observability.DELIVERIES_SENT, tally.sent(),
                    Observability.DELIVERIES_FAILED, tally.failed()), Map.of());
            return response;
        });
    }

    private StreamsEventResponse dispatch(DynamodbEvent event, TimeLeft timeLeft) {
        OutboxDispatch dispatch = getApplicationContext().getBean(OutboxDispatch.class);
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            int sent = sweepDue(timeLeft);
            if (sent > 0) {
                LOG.info("retry sweep: {} due deliveries attempted", sent);
            }
            return new StreamsEventResponse(failures);
        }
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            StreamRecord stream = record.getDynamodb();
            if (!"INSERT".equals(record.getEventName()) || stream == null || stream.getNewImage() == null) {
                continue; // the outbox is written once; a change or a TTL removal is nothing to send
            }
            try {
                dispatch.dispatch(OutboxRecords.fromImage(stream.getNewImage()), timeLeft);
            } catch (RuntimeException e) {
                LOG.warn("outbox record {} not dispatched", stream.getSequenceNumber(), e);
                failures.add(new StreamsEventResponse.BatchItemFailure(stream.getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /** N2: the due deliveries, one attempt each while there is time for one (issue 16); the rest wait for the next run. */
    private int sweepDue(TimeLeft timeLeft) {
        Deliverer deliverer = getApplicationContext().getBean(Deliverer.class);
        List<String> due = getApplicationContext().getBean(DynamoDeliveries.class)
                .due(getApplicationContext().getBean(SystemTime.class).now(), SWEEP_LIMIT);
        int attempted = 0;
        for (String id : due) {
            if (!timeLeft.getAsBoolean()) {
                LOG.info("retry sweep: {} due deliveries left for the next run (time)", due.size() - attempted);
                break;
            }
            deliverer.attempt(id);
            attempted++;
        }
        return attempted;
    }
}
