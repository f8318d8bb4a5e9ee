package com.edgecloud.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.dispatch.NotificationDispatchHandler;
import com.edgecloud.runtime.InvocationContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SPEC §10: the local server dispatches the outbox itself, as the stream does in AWS. It reads
 * the Outbox table's stream from DynamoDB Local every {@code local.outbox.poll-interval} (200 ms),
 * turns each batch into the {@link DynamodbEvent} Lambda would send and calls the same
 * {@link NotificationDispatchHandler}; a batch with a record reported as failed is read again (at most
 * {@value #MAX_BATCH_TRIES} times, as the event source mapping's retry limit). About once a
 * second it also invokes the handler's retry sweep, as the schedule does in AWS.
 */
@Context
@Requires(property = "local.outbox.poll", value = "true")
public class OutboxStreamPoller {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxStreamPoller.class);
    static final int MAX_BATCH_TRIES = 5;
    private static final int SWEEP_EVERY_POLLS = 5;
    private static final int DESCRIBE_EVERY_POLLS = 10;

    private final ApplicationContext context;
    private final DynamoDbClient dynamo;
    private final TableNames tables;
    private final DynamoDbStreamsClient streams;
    private final long intervalMillis;
    private static final String NONE = "";
    /** Per shard, the sequence number of the last record handled ({@link #NONE}: none yet). */
    private final Map<String, String> lastSequence = new LinkedHashMap<>();
    private final Set<String> seenShards = new HashSet<>();
    private final Map<String, Integer> tries = new HashMap<>();
    private ScheduledExecutorService executor;
    private NotificationDispatchHandler handler;
    private String streamArn;
    private long polls;

    public OutboxStreamPoller(ApplicationContext context, DynamoDbClient dynamo, TableNames tables,
                              @Value("${dynamodb.endpoint}") String endpoint,
                              @Value("${local.outbox.poll-interval:200ms}") Duration interval) {
        this.context = context;
        this.dynamo = dynamo;
        this.tables = tables;
        this.intervalMillis = interval.toMillis();
        this.streams = DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @PostConstruct
    void start() {
        handler = new NotificationDispatchHandler(context);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-stream-poller");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        streams.close();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            if (!executor.isShutdown()) {
                LOG.warn("outbox stream poll failed", e);
            }
        }
    }

    void poll() {
        polls++;
        if (streamArn == null || polls % DESCRIBE_EVERY_POLLS == 0) {
            discoverShards();
        }
        for (String shardId : new ArrayList<>(lastSequence.keySet())) {
            GetRecordsResponse response = streams.getRecords(r -> r.shardIterator(iterator(shardId)).limit(10));
            List<Record> records = response.records();
            if (records.isEmpty()) {
                continue;
            }
            StreamsEventResponse result = handler.handleRequest(event(records),
                    InvocationContext.of("NotificationDispatchFunction"));
            String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
            if (result != null && result.getBatchItemFailures() != null && !result.getBatchItemFailures().isEmpty()) {
                int tried = tries.merge(shardId + "|" + last, 1, Integer::sum);
                if (tried < MAX_BATCH_TRIES) {
                    continue; // read the same batch again next poll, as Lambda retries it
                }
                LOG.warn("outbox batch dropped after {} tries: {}", tried, result.getBatchItemFailures());
            }
            tries.clear();
            lastSequence.put(shardId, last);
        }
        if (polls % SWEEP_EVERY_POLLS == 0) {
            handler.handleRequest(new DynamodbEvent(), InvocationContext.of("NotificationDispatchFunction"));
        }
    }

    /**
     * A fresh iterator after the last record handled. DynamoDB Local answers a chained
     * {@code nextShardIterator} that has waited through empty reads with
     * TrimmedDataAccessException once new records arrive, so the poller never chains them.
     */
    private String iterator(String shardId) {
        String after = lastSequence.get(shardId);
        return streams.getShardIterator(r -> {
            r.streamArn(streamArn).shardId(shardId);
            if (NONE.equals(after)) {
                // the table is created with the server, so its stream holds only this run's records
                r.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                r.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
            }
        }).shardIterator();
    }

    private void discoverShards() {
        if (streamArn == null) {
            streamArn = dynamo.describeTable(r -> r.tableName(tables.outbox())).table().latestStreamArn();
        }
        for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
            if (seenShards.add(shard.shardId())) {
                LOG.debug("outbox stream: reading shard {} ({})", shard.shardId(), shard.sequenceNumberRange());
                // the table is created with the server, so its stream holds only this run's records
                lastSequence.put(shard.shardId(), NONE);
            }
        }
    }

    /** The event Lambda's DynamoDB event source would send for these records. */
    static DynamodbEvent event(List<Record> records) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record r : records) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(r.eventID());
            record.setEventName(r.eventNameAsString());
            record.setEventSource("aws:dynamodb");
            record.setAwsRegion("local");
            StreamRecord stream = new StreamRecord();
            stream.setSequenceNumber(r.dynamodb().sequenceNumber());
            if (r.dynamodb().streamViewTypeAsString() != null) {
                stream.setStreamViewType(StreamViewType.fromValue(r.dynamodb().streamViewTypeAsString()));
            }
            stream.setKeys(image(r.dynamodb().keys()));
            if (r.dynamodb().hasNewImage()) {
                stream.setNewImage(image(r.dynamodb().newImage()));
            }
            record.setDynamodb(stream);
            converted.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    private static Map<String, AttributeValue> image(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        image.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        AttributeValue out = new AttributeValue();
        if (v.s() != null) {
            out.setS(v.s());
        } else if (v.n() != null) {
            out.setN(v.n());
        } else if (v.bool() != null) {
            out.setBOOL(v.bool());
        } else if (Boolean.TRUE.equals(v.nul())) {
            out.setNULL(true);
        } else if (v.hasM()) {
            out.setM(image(v.m()));
        } else if (v.hasL()) {
            out.setL(v.l().stream().map(OutboxStreamPoller::value).toList());
        } else if (v.hasSs()) {
            out.setSS(v.ss());
        } else if (v.hasNs()) {
            out.setNS(v.ns());
        }
        return out;
    }
}
