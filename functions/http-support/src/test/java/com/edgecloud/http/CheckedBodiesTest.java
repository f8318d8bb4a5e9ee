package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A body names every bad field with its path in one answer: unknown, of the wrong type, or against a constraint. */
class CheckedBodiesTest {

    @Serdeable
    record Profile(@NotNull Boolean activated, @NotNull Verification verification) implements CheckedBody {
    }

    @Serdeable
    record Disk(@NotNull @Min(1) @Max(10) Integer sizeGiB) {
    }

    @Serdeable
    record Server(@Nullable @Valid TermBody duration, @NotNull List<@Valid Disk> disks) implements CheckedBody {
    }

    @Serdeable
    record Recharge(@NotNull @Pattern(regexp = Fields.MONEY, message = Fields.MONEY_MESSAGE) String amount,
                    @Nullable @ApiDateTime String at) implements CheckedBody {
    }

    static ApplicationContext context;
    static CheckedBodies bodies;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        bodies = context.getBean(CheckedBodies.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static List<String> refused(String body, Class<?> type) {
        BillingException e = assertThrows(BillingException.class, () -> bodies.read(body, type));
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) e.extensions().get("errors");
        return errors.stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    @Test
    void anUnknownFieldIsNamedWithTheOtherErrors() {
        assertEquals(List.of("activatd: is not a field of this request", "verification: must not be null"),
                refused("{\"activated\": true, \"activatd\": true}", Profile.class));
    }

    @Test
    void nestedObjectsAndArraysNameTheirFieldsByPath() {
        assertEquals(List.of("duration.days: is not a field of this request",
                        "disks[1].colour: is not a field of this request",
                        "disks[0].sizeGiB: must be less than or equal to 10"),
                refused("{\"duration\": {\"unit\": \"MONTH\", \"count\": 1, \"days\": 3},"
                        + " \"disks\": [{\"sizeGiB\": 11}, {\"sizeGiB\": 2, \"colour\": \"red\"}]}", Server.class));
    }

    @Test
    void aValueOfTheWrongJsonTypeIsNotCoerced() {
        assertEquals(List.of("disks[0].sizeGiB: must be a whole number", "duration.count: must be a whole number"),
                refused("{\"duration\": {\"unit\": \"MONTH\", \"count\": \"1\"}, \"disks\": [{\"sizeGiB\": 1.5}]}",
                        Server.class).stream().sorted().toList());
    }

    @Test
    void aDurationOutsideP1IsNamedAsTheDuration_P1() {
        assertEquals(List.of("duration: P1: 1-9 months or 1-3 years"),
                refused("{\"duration\": {\"unit\": \"MONTH\", \"count\": 12}, \"disks\": []}", Server.class));
    }

    @Test
    void moneyAndDateTimesAreCheckedAsText_M1_T1() {
        assertEquals(List.of("amount: must be an amount such as \"100.00\"",
                        "at: must be an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00+08:00"),
                refused("{\"amount\": \"1.001\", \"at\": \"2026-01-01\"}", Recharge.class));
        assertEquals("10.00", bodies.read("{\"amount\": \"10.00\", \"at\": \"2026-01-01T00:00:00+08:00\"}",
                Recharge.class).amount());
    }

    @Test
    void manyUnknownFieldsAreSummarisedAfterTen() {
        StringBuilder body = new StringBuilder("{\"activated\": true, \"verification\": \"NONE\"");
        for (int i = 0; i < 13; i++) {
            body.append(",\"f").append(i).append("\": 1");
        }
        List<String> errors = refused(body.append('}').toString(), Profile.class);
        assertEquals(11, errors.size());
        assertEquals("body: 3 more fields are not fields of this request", errors.get(10));
    }
}
