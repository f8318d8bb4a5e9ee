package com.edgecloud.http;

/** The patterns request fields share; the constraints name them so the API document shows them. */
public final class Fields {

    /** Ids are short, printable and safe in keys and URLs. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String ID_MESSAGE = "must be 1-64 letters, digits, '.', '_', ':' or '-'";

    /** M1: money travels as a string with at most two decimals, e.g. "1234.50". */
    public static final String MONEY = "[0-9]{1,12}(\\.[0-9]{1,2})?";
    public static final String MONEY_MESSAGE = "must be an amount such as \"100.00\"";

    /** M1: money as answers write it, two decimals, signed where it is a movement ("-1000.00"). */
    public static final String MONEY_ANSWER = "-?[0-9]+\\.[0-9]{2}";

    /** §11: E.164, '+' then 8 to 15 digits, no leading zero in the country code. */
    public static final String E164 = "\\+[1-9][0-9]{7,14}";
    public static final String E164_MESSAGE = "must be an E.164 number, e.g. +8613800000000";

    /**
     * What an email address never holds: '@' (but the one), whitespace and control characters
     * (\p{Z} and \p{Cc} spelled out), written so that Java and ECMA 262 read it alike: the API
     * document carries the pattern to clients and validators, which know no \p{javaWhitespace}.
     */
    private static final String NOT_IN_EMAIL = "@\\x00-\\x20\\x7F-\\x9F\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
            + "\\u205F\\u3000";

    /**
     * §11: a practical email check, not RFC 5322: one '@', something before it, a dotted domain after
     * it with no empty label, no whitespace or control characters.
     */
    public static final String EMAIL = "[^" + NOT_IN_EMAIL + "]+@(?!.*\\.\\.)"
            + "[^." + NOT_IN_EMAIL + "][^" + NOT_IN_EMAIL + "]*\\."
            + "[^" + NOT_IN_EMAIL + "]*[^." + NOT_IN_EMAIL + "]";

    private Fields() {
    }
}
