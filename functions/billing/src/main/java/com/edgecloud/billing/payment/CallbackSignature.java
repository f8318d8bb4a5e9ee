package com.edgecloud.billing.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A5: the provider signs the raw callback body with HMAC-SHA256 and the shared secret, in lowercase hex. */
public final class CallbackSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The payment callback secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The signature of {@code rawBody}, as the provider sends it. */
    public String sign(byte[] rawBody) {
        return HexFormat.of().formatHex(mac(rawBody));
    }

    /** Constant-time: the time taken tells nothing of how much of a forged signature was right. */
    public boolean verifies(byte[] rawBody, String signatureHex) {
        if (signatureHex == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawBody), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
