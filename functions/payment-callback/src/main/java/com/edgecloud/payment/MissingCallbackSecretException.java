package com.edgecloud.payment;

/**
 * A deployed callback function without {@code CALLBACK_SECRET_PARAMETER}: a fault of the
 * deployment, not of the caller, so it is a 500 (and the callback route's 5xx alarm), never a
 * fallback secret (issue 16, fail closed).
 */
public final class MissingCallbackSecretException extends IllegalStateException {

    public MissingCallbackSecretException() {
        super("No payment callback secret is configured: set " + CallbackSecretFactory.PARAMETER_ENV
                + " to the name of the SSM SecureString shared with the provider (A5). Every callback is refused.");
    }
}
