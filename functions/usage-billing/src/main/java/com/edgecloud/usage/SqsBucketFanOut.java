package com.edgecloud.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The bucket fan-out in AWS: one message per bucket on the queue {@code billing.usage-bucket-queue}
 * (env {@code BILLING_USAGE_BUCKET_QUEUE}, template.yaml UsageBucketQueue), which UsageBucketFunction
 * consumes one message per invocation with bounded concurrency. A message whose run fails comes
 * back after the visibility timeout and goes to the dead-letter queue (alarmed) after its last try;
 * the next hour's run bills what it left due in any case.
 */
@Singleton
@Requires(property = "billing.usage-bucket-queue")
public final class SqsBucketFanOut implements BucketFanOut, AutoCloseable {

    /** SQS's limit of entries in one SendMessageBatch. */
    static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBucketFanOut(@Value("${billing.usage-bucket-queue}") String queueUrl) {
        this.sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        this.queueUrl = queueUrl;
    }

    @Override
    public Map<String, Object> fanOut(List<Map<String, Object>> bucketEvents,
                                      Function<Map<String, Object>, Map<String, Object>> runBucket) {
        int sent = 0;
        for (int from = 0; from < bucketEvents.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(from + BATCH, bucketEvents.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(body(bucketEvents.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                // The invocation fails and EventBridge retries it: a bucket sent twice is billed once (G2).
                throw new IllegalStateException("bucket messages not sent: " + response.failed());
            }
            sent += entries.size();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dispatched", sent);
        return summary;
    }

    /** A bucket's message body: its envelope as JSON (events/usage-bucket.json holds one). */
    static String body(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        sqs.close();
    }
}
