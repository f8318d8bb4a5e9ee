package com.edgecloud.billing.time;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import java.time.Period;
import java.util.List;

/** P1: 1–9 months or 1–3 years; anything else is VALIDATION_FAILED on field "duration". */
public record TermDuration(DurationUnit unit, int count) {

    public static final int MAX_MONTHS = 9;
    public static final int MAX_YEARS = 3;

    public TermDuration {
        if (!isValid(unit, count)) {
            throw BillingException.validation(List.of(new FieldError("duration",
                    "must be 1-" + MAX_MONTHS + " MONTH or 1-" + MAX_YEARS + " YEAR (P1), got "
                            + count + " " + unit)));
        }
    }

    /** P1 check without throwing. */
    public static boolean isValid(DurationUnit unit, int count) {
        if (unit == null) {
            return false;
        }
        return switch (unit) {
            case MONTH -> count >= 1 && count <= MAX_MONTHS;
            case YEAR -> count >= 1 && count <= MAX_YEARS;
        };
    }

    public static TermDuration months(int count) {
        return new TermDuration(DurationUnit.MONTH, count);
    }

    public static TermDuration years(int count) {
        return new TermDuration(DurationUnit.YEAR, count);
    }

    public Period toPeriod() {
        return switch (unit) {
            case MONTH -> Period.ofMonths(count);
            case YEAR -> Period.ofYears(count);
        };
    }
}
