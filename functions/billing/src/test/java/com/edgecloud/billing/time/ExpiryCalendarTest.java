package com.edgecloud.billing.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpiryCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ExpiryCalendar calendar = new ExpiryCalendar(ExpiryCalendar.DEFAULT_ZONE);

    /** A local date-time in Shanghai as an instant. */
    private static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private String expiry(String start, TermDuration d) {
        return ApiTime.format(calendar.expiresAt(sh(start), d), SHANGHAI);
    }

    @Test
    void defaultZoneDatesTermsInShanghai_T1() {
        // 15:30Z is 23:30 on Jan 31 in Shanghai: one month ends Feb 29.
        assertEquals(Instant.parse("2016-02-29T15:59:59Z"),
                calendar.expiresAt(Instant.parse("2016-01-31T15:30:00Z"), TermDuration.months(1)));
        // 16:30Z is 00:30 on Feb 1 in Shanghai: one month ends Mar 1.
        assertEquals(Instant.parse("2016-03-01T15:59:59Z"),
                calendar.expiresAt(Instant.parse("2016-01-31T16:30:00Z"), TermDuration.months(1)));
    }

    // P3 examples of SPEC.md, one each.

    @Test
    void expiresAtEndOfNthNaturalMonth_P3() {
        assertEquals("2016-02-01T23:59:59+08:00", expiry("2016-01-01T15:00:00", TermDuration.months(1)));
    }

    @Test
    void jan31PlusOneMonthEndsOnLeapFeb29_P3() {
        assertEquals("2016-02-29T23:59:59+08:00", expiry("2016-01-31T10:00:00", TermDuration.months(1)));
    }

    @Test
    void feb29PlusOneYearEndsOnFeb28_P3() {
        assertEquals("2017-02-28T23:59:59+08:00", expiry("2016-02-29T08:00:00", TermDuration.years(1)));
    }

    @Test
    void lastSecondOfDec31PlusThreeMonthsEndsOnMar31_P3() {
        assertEquals("2017-03-31T23:59:59+08:00", expiry("2016-12-31T23:59:59", TermDuration.months(3)));
    }

    @Test
    void dayOfMonthIsKeptNotMonthEnd_P3() {
        assertEquals("2017-03-28T23:59:59+08:00", expiry("2017-02-28T09:00:00", TermDuration.months(1)));
    }

    @Test
    void startDateIsTakenInBillingZone_P3() {
        // 2016-01-31T15:30Z is 23:30 on Jan 31 in Shanghai.
        Instant expires = calendar.expiresAt(Instant.parse("2016-01-31T15:30:00Z"), TermDuration.months(1));
        assertEquals("2016-02-29T23:59:59+08:00", ApiTime.format(expires, SHANGHAI));
        assertEquals(Instant.parse("2016-02-29T15:59:59Z"), expires);
    }

    @Test
    void utcEveningThatIsNextDayInShanghaiCountsFromShanghaiDate_P3() {
        // 2016-01-31T16:30Z is already Feb 1 (00:30) in Shanghai: the term counts from Feb 1.
        Instant expires = calendar.expiresAt(Instant.parse("2016-01-31T16:30:00Z"), TermDuration.months(1));
        assertEquals("2016-03-01T23:59:59+08:00", ApiTime.format(expires, SHANGHAI));
    }

    // Month-end chains.

    @Test
    void jan30PlusOneMonthEndsOnLeapFeb29_P3() {
        assertEquals("2016-02-29T23:59:59+08:00", expiry("2016-01-30T12:00:00", TermDuration.months(1)));
    }

    @Test
    void jan31PlusOneMonthEndsOnFeb28InCommonYear_P3() {
        assertEquals("2017-02-28T23:59:59+08:00", expiry("2017-01-31T12:00:00", TermDuration.months(1)));
    }

    @Test
    void aug31PlusOneMonthEndsOnSep30_P3() {
        assertEquals("2016-09-30T23:59:59+08:00", expiry("2016-08-31T12:00:00", TermDuration.months(1)));
    }

    @Test
    void jan31PlusThreeMonthsEndsOnApr30NotChainedThroughFebruary_P3() {
        assertEquals("2016-04-30T23:59:59+08:00", expiry("2016-01-31T12:00:00", TermDuration.months(3)));
    }

    @Test
    void feb29PlusThreeYearsEndsOnFeb28_P3() {
        assertEquals("2019-02-28T23:59:59+08:00", expiry("2016-02-29T12:00:00", TermDuration.years(3)));
    }

    @Test
    void ninthMonthAcrossYearEndKeepsDayOfMonth_P3() {
        assertEquals("2017-08-30T23:59:59+08:00", expiry("2016-11-30T00:00:00", TermDuration.months(9)));
        assertEquals("2017-07-31T23:59:59+08:00", expiry("2016-10-31T00:00:00", TermDuration.months(9)));
    }

    @Test
    void firstSecondOfDayCountsAsThatDay_P3() {
        assertEquals("2016-03-01T23:59:59+08:00", expiry("2016-02-01T00:00:00", TermDuration.months(1)));
    }

    @Test
    void expiryIsUtcInstantOfShanghaiEndOfDay_T1() {
        Instant expires = calendar.expiresAt(sh("2016-01-01T15:00:00"), TermDuration.months(1));
        assertEquals(Instant.parse("2016-02-01T15:59:59Z"), expires);
    }

    @Test
    void billingZoneIsConfigurable_T1() {
        ExpiryCalendar utc = new ExpiryCalendar(ZoneOffset.UTC);
        // Same instant as above: Jan 31 in UTC too, but end of day is 23:59:59 UTC.
        Instant expires = utc.expiresAt(Instant.parse("2016-01-31T16:30:00Z"), TermDuration.months(1));
        assertEquals(Instant.parse("2016-02-29T23:59:59Z"), expires);
    }

    // R2.

    @Test
    void renewalStartsTheDayAfterOldExpiry_R2() {
        Instant oldExpiry = sh("2016-01-01T23:59:59");
        Instant start = calendar.renewalStart(oldExpiry);
        assertEquals("2016-01-02T00:00:00+08:00", ApiTime.format(start, SHANGHAI));
        assertEquals("2016-02-02T23:59:59+08:00",
                ApiTime.format(calendar.expiresAt(start, TermDuration.months(1)), SHANGHAI));
    }

    @Test
    void renewalTermIsOneSecondAfterOldExpiry_R2() {
        Instant oldExpiry = calendar.expiresAt(sh("2016-01-31T10:00:00"), TermDuration.months(1));
        Instant start = calendar.renewalStart(oldExpiry);
        assertEquals(Instant.parse("2016-02-29T16:00:00Z"), start);
        assertEquals("2016-03-01T00:00:00+08:00", ApiTime.format(start, SHANGHAI));
    }

    @Test
    void renewalAcrossYearEndAndLeapDay_R2() {
        Instant start = calendar.renewalStart(sh("2016-12-31T23:59:59"));
        assertEquals("2017-01-01T00:00:00+08:00", ApiTime.format(start, SHANGHAI));
        assertEquals("2018-01-01T23:59:59+08:00",
                ApiTime.format(calendar.expiresAt(start, TermDuration.years(1)), SHANGHAI));
        Instant leap = calendar.renewalStart(sh("2016-02-28T23:59:59"));
        assertEquals("2016-02-29T00:00:00+08:00", ApiTime.format(leap, SHANGHAI));
    }
}
