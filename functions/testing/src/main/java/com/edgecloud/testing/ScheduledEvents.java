package com.edgecloud.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An EventBridge scheduled-event envelope as AWS sends it (T2): its {@code time} is the run's now. */
public final class ScheduledEvents {

    private ScheduledEvents() {
    }

    /** {@code detail} as AWS may send it: an object, or a JSON string such as {@code "{}"}. */
    public static Map<String, Object> at(Instant time, Object detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("time", time.toString());
        event.put("detail", detail);
        return event;
    }
}
