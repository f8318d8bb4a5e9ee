package com.edgecloud.notify;

import java.util.regex.Pattern;

/**
 * §11 message settings: which receiver contacts are accepted (a bad email or phone is a 400),
 * and how they are shown in logs.
 */
public final class ContactRules {

    // §11: E.164, '+' then 8 to 15 digits, no leading zero in the country code.
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    // RFC 5321's limit on a forward path; longer addresses are undeliverable anyway.
    private static final int MAX_EMAIL_LENGTH = 254;

    private ContactRules() {
    }

    /**
     * A practical check, not RFC 5322: one '@', something before it, a dotted domain after it
     * with no empty label, no whitespace or control characters, at most 254 characters.
     */
    public static boolean isValidEmail(String email) {
        if (email == null || email.isEmpty() || email.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@')) {
            return false;
        }
        String domain = email.substring(at + 1);
        return domain.indexOf('.') > 0
                && !domain.endsWith(".")
                && !domain.contains("..");
    }

    /** §11: E.164, e.g. {@code +8613800000000}. */
    public static boolean isValidPhone(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }

    /**
     * For logs: the four digits before the last four are hidden, e.g. {@code +8613800000000} →
     * {@code +86138****0000}. Anything not E.164 is hidden entirely. Null stays null.
     */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (!isValidPhone(phone)) {
            return "****";
        }
        int end = phone.length() - 4;
        return phone.substring(0, end - 4) + "****" + phone.substring(end);
    }

    /**
     * For logs: only the first character of the local part is kept, e.g.
     * {@code li.lei@example.com} → {@code l***@example.com}. Null stays null.
     */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }
}
