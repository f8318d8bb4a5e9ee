package com.edgecloud.billing.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermDurationTest {

    @ParameterizedTest(name = "{1} {0} is valid")
    @CsvSource({
            "MONTH, 1", "MONTH, 2", "MONTH, 3", "MONTH, 4", "MONTH, 5",
            "MONTH, 6", "MONTH, 7", "MONTH, 8", "MONTH, 9",
            "YEAR, 1", "YEAR, 2", "YEAR, 3",
    })
    void acceptsOneToNineMonthsOrOneToThreeYears_P1(DurationUnit unit, int count) {
        TermDuration d = new TermDuration(unit, count);
        assertEquals(unit, d.unit());
        assertEquals(count, d.count());
        assertTrue(TermDuration.isValid(unit, count));
    }

    @ParameterizedTest(name = "{1} {0} is invalid")
    @CsvSource({
            "MONTH, 0", "MONTH, 10", "MONTH, 12", "MONTH, -1", "MONTH, 2147483647",
            "YEAR, 0", "YEAR, 4", "YEAR, -1", "YEAR, -2147483648",
            ", 1",
    })
    void refusesAnyOtherDurationAsValidationError_P1(DurationUnit unit, int count) {
        BillingException e = assertThrows(BillingException.class, () -> new TermDuration(unit, count));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) e.extensions().get("errors");
        assertEquals(1, errors.size());
        assertEquals("duration", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("P1"), errors.get(0).message());
    }

    @Test
    void convertsToPeriod_P1() {
        assertEquals(Period.ofMonths(9), TermDuration.months(9).toPeriod());
        assertEquals(Period.ofYears(3), TermDuration.years(3).toPeriod());
    }
}
