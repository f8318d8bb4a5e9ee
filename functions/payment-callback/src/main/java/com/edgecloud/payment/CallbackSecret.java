package com.edgecloud.payment;

import com.edgecloud.billing.payment.CallbackSignature;
import java.util.function.Supplier;

/**
 * A5: the secret shared with the provider. In AWS it is the SSM parameter named by
 * {@code CALLBACK_SECRET_PARAMETER}, read (decrypted) on the first callback of a container and
 * kept: never at init, so it is not in a SnapStart snapshot. Otherwise {@code payments.callback-secret},
 * which only the local server sets; with neither every callback fails ({@link CallbackSecretFactory}).
 * A source that fails is asked again on the next callback.
 */
public final class CallbackSecret {

    private final Supplier<String> source;
    private volatile CallbackSignature signature;

    public CallbackSecret(Supplier<String> source) {
        this.source = source;
    }

    public CallbackSignature signature() {
        CallbackSignature known = signature;
        if (known == null) {
            synchronized (this) {
                if (signature == null) {
                    signature = new CallbackSignature(source.get());
                }
                known = signature;
            }
        }
        return known;
    }
}
