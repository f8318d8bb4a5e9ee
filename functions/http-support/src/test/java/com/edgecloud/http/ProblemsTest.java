package com.edgecloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import io.micronaut.http.MutableHttpResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void busyIs503WithRetryAfter_S9() {
        MutableHttpResponse<Map<String, Object>> busy = Problems.of(new BillingException(ErrorCode.BUSY, "busy"));

        assertEquals(503, busy.code());
        assertEquals("1", busy.getHeaders().get("Retry-After"));
        assertEquals("BUSY", busy.body().get("code"));
        assertEquals(503, busy.body().get("status"));
    }

    @Test
    void everyCodeHasTheStatusOfSpecSection9() {
        assertEquals(402, Problems.status(ErrorCode.BELOW_LAUNCH_THRESHOLD));
        assertEquals(403, Problems.status(ErrorCode.ACCOUNT_NOT_VERIFIED));
        assertEquals(409, Problems.status(ErrorCode.REQUEST_IN_PROGRESS));
        assertEquals(422, Problems.status(ErrorCode.AMOUNT_MISMATCH));
        assertEquals(422, Problems.status(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    /** The API document's Problem.code enum is every ErrorCode, plus INTERNAL_ERROR for the unexpected. */
    @Test
    void theDocumentedCodesAreTheErrorCodes_S9() throws NoSuchFieldException {
        Schema code = Problem.class.getDeclaredField("code").getAnnotation(Schema.class);
        List<String> expected = new ArrayList<>(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        expected.add("INTERNAL_ERROR");
        assertEquals(expected, List.of(code.allowableValues()));
    }
}
