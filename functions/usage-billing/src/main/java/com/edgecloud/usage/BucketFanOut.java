package com.edgecloud.usage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the hourly run's buckets reach runs of their own (issue 19 §3): the hourly event is turned into
 * one scheduled-event envelope per bucket ({@code detail.buckets} naming it, {@code time} unchanged,
 * T2), and each is run by its own invocation, a bounded number at once. A crash or timeout of one
 * bucket's run leaves the others untouched and its own instances due. In AWS the envelopes are
 * messages of the bucket queue ({@link SqsBucketFanOut}); on the local server they are run on a
 * bounded pool in the same process ({@link ConcurrentBucketFanOut}).
 */
public interface BucketFanOut {

    /**
     * Hands each of {@code bucketEvents} to a run of its own; {@code runBucket} is that run in this
     * process (a fan-out that runs them elsewhere does not call it). Answers the summary fields.
     */
    Map<String, Object> fanOut(List<Map<String, Object>> bucketEvents,
                               Function<Map<String, Object>, Map<String, Object>> runBucket);
}
