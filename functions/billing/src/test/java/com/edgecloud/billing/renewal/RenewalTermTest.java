package com.edgecloud.billing.renewal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalTermTest {

    static final ExpiryCalendar SHANGHAI = new ExpiryCalendar(ExpiryCalendar.DEFAULT_ZONE);

    @ParameterizedTest(name = "old expiry {0} + {1} {2} → {3} .. {4}")
    @CsvSource({
            // SPEC R2's example
            "2016-01-01T23:59:59+08:00, MONTH, 1, 2016-01-02T00:00:00+08:00, 2016-02-02T23:59:59+08:00",
            // month end: January 31 → February 1 → March 1
            "2016-01-31T23:59:59+08:00, MONTH, 1, 2016-02-01T00:00:00+08:00, 2016-03-01T23:59:59+08:00",
            // lands on a leap day
            "2016-01-28T23:59:59+08:00, MONTH, 1, 2016-01-29T00:00:00+08:00, 2016-02-29T23:59:59+08:00",
            // the new term starts on Feb 29: a year later there is none, so Feb 28 (P3)
            "2016-02-28T23:59:59+08:00, YEAR, 1, 2016-02-29T00:00:00+08:00, 2017-02-28T23:59:59+08:00",
            // year end
            "2016-12-31T23:59:59+08:00, MONTH, 3, 2017-01-01T00:00:00+08:00, 2017-04-01T23:59:59+08:00"})
    void theNewTermStartsTheDayAfterTheOldExpiryAndExpiresByP3_R2(String oldExpiry, String unit, int count,
                                                                 String startsAt, String expiresAt) {
        RenewalTerm term = RenewalTerm.after(OffsetDateTime.parse(oldExpiry).toInstant(),
                new TermDuration(DurationUnit.valueOf(unit), count), SHANGHAI);

        assertEquals(OffsetDateTime.parse(startsAt).toInstant(), term.startsAt());
        assertEquals(OffsetDateTime.parse(expiresAt).toInstant(), term.expiresAt());
    }
}
