package com.edgecloud.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** T1: how a text shows an instant: in the billing zone, with its offset spelled out. */
final class BillingZoneTime {

    // e.g. "2016-02-01 23:59:59 (UTC+08:00)"; the offset is numeric even at UTC ("UTC+00:00").
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss '(UTC'xxx')'");

    private BillingZoneTime() {
    }

    static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
