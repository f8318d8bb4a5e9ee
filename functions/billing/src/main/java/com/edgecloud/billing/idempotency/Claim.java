package com.edgecloud.billing.idempotency;

/** What claiming an idempotency key found (SPEC §9). */
public sealed interface Claim {

    /** The key is ours: do the work, then complete or release it with this token. */
    record Acquired(String key, String token) implements Claim {
    }

    /** The same request was answered before: answer the same again. */
    record Replay(int status, String body) implements Claim {
    }

    /** The same request is being worked on right now (409 REQUEST_IN_PROGRESS). */
    record InProgress() implements Claim {
    }

    /** The key was used for a different request (422 IDEMPOTENCY_KEY_REUSED). */
    record Mismatch() implements Claim {
    }
}
