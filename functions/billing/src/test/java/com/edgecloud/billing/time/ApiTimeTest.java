package com.edgecloud.billing.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void printsWithBillingZoneOffsetToTheSecond_T1() {
        Instant i = Instant.parse("2016-02-01T15:59:59.987654321Z");
        assertEquals("2016-02-01T23:59:59+08:00", ApiTime.format(i, SHANGHAI));
        assertEquals("2016-02-01T15:59:59+00:00", ApiTime.format(i, ZoneOffset.UTC));
        assertEquals("2016-01-02T00:00:00+08:00", ApiTime.format(Instant.parse("2016-01-01T16:00:00Z"), SHANGHAI));
        assertNull(ApiTime.format(null, SHANGHAI));
    }

    @Test
    void parsesOffsetOrZ_T1() {
        Instant expected = Instant.parse("2016-02-01T15:59:59Z");
        assertEquals(expected, ApiTime.parse("2016-02-01T23:59:59+08:00"));
        assertEquals(expected, ApiTime.parse("2016-02-01T15:59:59Z"));
        assertEquals(expected, ApiTime.parse("2016-02-01T10:59:59-05:00"));
        assertEquals(expected.plusMillis(500), ApiTime.parse("2016-02-01T15:59:59.500Z"));
        assertEquals(expected, ApiTime.parse(ApiTime.format(expected, SHANGHAI)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "2016-02-01", "2016-02-01T23:59:59", "2016-02-30T00:00:00Z",
            "2016-02-01 23:59:59+08:00", "yesterday", "1454342399"})
    void rejectsTimestampsWithoutOffsetOrMalformed_T1(String text) {
        assertThrows(IllegalArgumentException.class, () -> ApiTime.parse(text));
    }

    @Test
    void rejectsNullTimestamp_T1() {
        assertThrows(IllegalArgumentException.class, () -> ApiTime.parse(null));
    }

    @Test
    void storageFormIsFixedWidthUtc_T1() {
        assertEquals("2016-02-01T15:59:59Z", ApiTime.storage(Instant.parse("2016-02-01T15:59:59.999Z")));
        assertEquals("2016-01-01T00:00:00Z", ApiTime.storage(Instant.parse("2016-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2016-02-01T15:59:59Z"), ApiTime.fromStorage("2016-02-01T15:59:59Z"));
        assertNull(ApiTime.storage(null));
        assertNull(ApiTime.fromStorage(null));
    }

    @Test
    void storageFormSortsLikeInstants_T1() {
        List<Instant> instants = new ArrayList<>();
        Instant base = Instant.parse("2016-01-01T00:00:00Z");
        for (long s : new long[] {0, 1, 9, 10, 59, 60, 3_599, 86_399, 86_400, 31_622_400, 999_999_999}) {
            instants.add(base.plusSeconds(s));
        }
        List<String> stored = new ArrayList<>(instants.stream().map(ApiTime::storage).toList());
        Collections.shuffle(stored, new Random(7));
        Collections.sort(stored);
        assertEquals(instants, stored.stream().map(ApiTime::fromStorage).toList());
        assertTrue(stored.stream().allMatch(s -> s.length() == 20), stored.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2016-02-01T15:59:59", "2016-02-01T15:59:59+00:00", "2016-02-01T15:59Z",
            "2016-02-30T00:00:00Z", "2016-02-01T15:59:59.000Z"})
    void rejectsMalformedStorageForm_T1(String text) {
        assertThrows(IllegalArgumentException.class, () -> ApiTime.fromStorage(text));
    }
}
