package com.edgecloud.billing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Opaque, unguessable ids with a readable prefix ({@code i-…}, {@code ord-…}). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
