package com.edgecloud.http;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotencyStore;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.edgecloud.billing.time.SystemTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * SPEC §9: a mutating call with an Idempotency-Key, scoped to account and operation. A
 * repeat answers the first answer, a concurrent one 409, another request under the same
 * key 422. A refused request releases its key: nothing of it stays written.
 */
@Singleton
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final IdempotencyStore store;
    private final SystemTime systemTime;

    public IdempotentRequests(IdempotencyStore store, SystemTime systemTime) {
        this.store = store;
        this.systemTime = systemTime;
    }

    public static String requireKey(String header) {
        if (header == null || !KEY.matcher(header).matches()) {
            throw BillingException.validation(List.of(new FieldError(HEADER,
                    "header is required: 1-128 visible ASCII characters, e.g. a UUID")));
        }
        return header;
    }

    /**
     * Runs {@code work} once per key. {@code canonicalRequest} is the validated request in its
     * canonical form ({@link com.edgecloud.billing.idempotency.Canonical}): its hash tells "the
     * same request" from "another request".
     * {@code work} gets the claim and returns the answer it stored with its effects.
     */
    public HttpResponse<?> run(Caller caller, String operation, String key, String canonicalRequest,
                               Consumer<String> onReplay, Function<Claim.Acquired, StoredAnswer> work) {
        String scoped = caller.accountId() + "#" + operation + "#" + key;
        Claim claim = store.claim(scoped, hash(canonicalRequest), systemTime.now()); // leases and the 24 h retention: system time, never the business clock
        if (claim instanceof Claim.Replay replay) {
            onReplay.accept(replay.body());
            return json(replay.status(), replay.body());
        }
        if (claim instanceof Claim.Mismatch) {
            throw new BillingException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request.");
        }
        if (!(claim instanceof Claim.Acquired acquired)) {
            throw new BillingException(ErrorCode.REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed.");
        }
        try {
            StoredAnswer answer = work.apply(acquired);
            return json(answer.status(), answer.body());
        } catch (RuntimeException refused) {
            store.release(acquired.key(), acquired.token());
            throw refused;
        }
    }

    /** What a request answered, as stored with its key. */
    public record StoredAnswer(int status, String body) {
    }

    public static HttpResponse<String> json(int status, String body) {
        return HttpResponse.<String>status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
