package com.edgecloud.payment;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import com.edgecloud.http.Bound;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.payment.PaymentService;
import com.edgecloud.http.CheckedBodies;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.PaymentView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * POST /payments/callback (A5): the provider's word on one payment. No JWT: the caller is trusted
 * only as far as the signature over the raw body goes, and only about the payment it names. The
 * signature is checked before the body is even parsed; a bad one changes nothing.
 */
@Controller("/payments/callback")
public class PaymentCallbackController {

    public static final String SIGNATURE_HEADER = "X-Payment-Signature";
    /** A callback is three short fields; anything bigger is not one. */
    public static final int MAX_BODY_BYTES = 4096;

    private final PaymentService payments;
    private final CallbackSecret secret;
    private final CheckedBodies bodies;

    public PaymentCallbackController(PaymentService payments, CallbackSecret secret, CheckedBodies bodies) {
        this.payments = payments;
        this.secret = secret;
        this.bodies = bodies;
    }

    @Post(consumes = {"application/json", "text/plain", "*/*"})
    @Operation(operationId = "paymentCallback", summary = "The payment provider's signed word on one payment (A5)", tags = "payments", security = {},
            parameters = @Parameter(name = SIGNATURE_HEADER, in = ParameterIn.HEADER, required = true,
                    description = "HMAC-SHA256 of the raw body with the shared secret, hex", schema = @Schema(type = "string")),
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallbackBody.class))))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.Unauthenticated
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.Unprocessable
    @ProblemAnswers.InternalError
    public PaymentView callback(@Bound @Nullable @Header(SIGNATURE_HEADER) String signature,
                                @Parameter(hidden = true) @Nullable @Body String body) {
        byte[] raw = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (raw.length > MAX_BODY_BYTES) {
            throw BillingException.validation(List.of(new FieldError("body", "must be at most " + MAX_BODY_BYTES + " bytes")));
        }
        if (!secret.signature().verifies(raw, signature)) {
            throw new BillingException(ErrorCode.UNAUTHENTICATED,
                    "The " + SIGNATURE_HEADER + " header must be the HMAC-SHA256 of the body with the shared secret.");
        }
        CallbackBody callback = bodies.read(body, CallbackBody.class);
        return Views.payment(payments.confirm(callback.toCallback()));
    }
}
