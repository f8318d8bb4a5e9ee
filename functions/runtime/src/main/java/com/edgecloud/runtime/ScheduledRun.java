package com.edgecloud.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * T2: a scheduled invocation, read from the event as AWS sends it: an EventBridge rule's
 * scheduled-event envelope, or an EventBridge Scheduler {@code Input} carrying
 * {@code "time": "<aws.scheduler.scheduled-time>"}. Its {@code time} (UTC, with or without
 * fractional seconds) is the run's "now", so any run can be replayed for any instant.
 * {@code detail} may be an object or a JSON string; unknown fields are ignored.
 */
public record ScheduledRun(Instant now, String source, Object detail) {

    /** Reads the envelope; an event without a usable {@code time} is refused, never run at another "now". */
    public static ScheduledRun from(Map<String, Object> event) {
        if (event == null) {
            throw new InvalidScheduledEvent("the event is empty");
        }
        Object time = event.get("time");
        if (!(time instanceof String text) || text.isBlank()) {
            throw new InvalidScheduledEvent("the event has no 'time' (T2: a scheduled run's now is its event's time)");
        }
        Instant now;
        try {
            now = Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidScheduledEvent("'time' is not an ISO-8601 UTC instant: " + abbreviate(text));
        }
        Object source = event.get("source");
        return new ScheduledRun(now, source instanceof String s ? s : null, event.get("detail"));
    }

    /**
     * T2: a deployed function's event may not be dated in the future. An operator's replay dated
     * tomorrow would bill hours that have not happened; EventBridge's own times are seconds off at most.
     */
    public void refuseAhead(Instant systemNow, Duration tolerance) {
        if (now.isAfter(systemNow.plus(tolerance))) {
            throw new InvalidScheduledEvent("'time' " + now + " is more than " + tolerance.toMinutes()
                    + " minutes ahead of the system clock (" + systemNow + "): hours that have not happened are not run");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** A scheduled event that cannot be run: logged and answered, nothing touched. */
    public static final class InvalidScheduledEvent extends IllegalArgumentException {
        public InvalidScheduledEvent(String message) {
            super(message);
        }
    }
}
