package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import io.micronaut.json.JsonMapper;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The readers a request calls are its whole description: a field none of them asks for is refused. */
class JsonRequestTest {

    static final JsonMapper JSON = JsonMapper.createDefault();

    static List<String> refused(String body, Consumer<JsonRequest> read) {
        JsonRequest in = JsonRequest.parse(JSON, body);
        read.accept(in);
        BillingException e = assertThrows(BillingException.class, in::validate);
        @SuppressWarnings("unchecked")
        List<FieldError> errors = (List<FieldError>) e.extensions().get("errors");
        return errors.stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    @Test
    void aFieldNoReaderAsksForIsNamedWithTheOtherErrors() {
        assertEquals(List.of("activatd: is not a field of this request", "verification: is required"),
                refused("{\"activated\": true, \"activatd\": true}", in -> {
                    in.requiredBoolean("activated");
                    in.requiredEnum("verification", com.edgecloud.billing.account.Verification.class);
                }));
    }

    @Test
    void nestedObjectsAndArraysNameTheirUnknownFieldsByPath() {
        assertEquals(List.of("duration.days: is not a field of this request",
                        "disks[1].colour: is not a field of this request"),
                refused("{\"duration\": {\"unit\": \"MONTH\", \"count\": 1, \"days\": 3},"
                        + " \"disks\": [{\"sizeGiB\": 1}, {\"sizeGiB\": 2, \"colour\": \"red\"}]}", in -> {
                    in.requiredDuration("duration");
                    in.requiredObjects("disks", 1, 2).forEach(d -> d.requiredInteger("sizeGiB", 1, 10));
                }));
    }

    @Test
    void aFieldOnlyAskedAboutIsKnownSoItCanBeRefusedForItsOwnReason() {
        assertEquals(List.of("duration: is only for MONTHLY_PACKAGE"),
                refused("{\"duration\": {\"unit\": \"MONTH\", \"count\": 1}}", in -> {
                    if (in.has("duration")) {
                        in.reject("duration", "is only for MONTHLY_PACKAGE");
                    }
                }));
    }

    @Test
    void aValidBodyWithOnlyKnownFieldsPasses() {
        JsonRequest in = JsonRequest.parse(JSON, "{\"amount\": \"10.00\"}");
        assertEquals("10.00", in.requiredMoney("amount").toString());
        in.validate();
    }

    @Test
    void manyUnknownFieldsAreSummarisedAfterTen() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 13; i++) {
            body.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": 1");
        }
        List<String> errors = refused(body.append('}').toString(), in -> { });
        assertEquals(11, errors.size());
        assertEquals("body: 3 more fields are not fields of this request", errors.get(10));
    }
}
