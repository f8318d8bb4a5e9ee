package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "li.lei@example.com",
            "ops+billing@edge.example.cn",
            "a@b.co",
            "张三@例子.中国"})
    void acceptsPracticalEmailAddresses_N1(String email) {
        assertTrue(ContactRules.isValidEmail(email));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "li.lei",                  // no @
            "@example.com",            // nothing before @
            "li@lei@example.com",      // two @
            "li@localhost",            // no dot in the domain
            "li@.example.com",         // domain starts with a dot
            "li@example.com.",         // domain ends with a dot
            "li@example..com",         // empty label
            "li lei@example.com",      // space
            " li@example.com",         // leading space
            "li@example.com\n",        // control character
            "li@exa\u3000mple.com"})   // ideographic space
    void refusesAddressesThatCannotBeDelivered_N1(String email) {
        assertFalse(ContactRules.isValidEmail(email));
    }

    @Test
    void refusesAnEmailLongerThan254Characters_N1() {
        String domain = "@example.com";
        String fits = "a".repeat(254 - domain.length()) + domain;
        String tooLong = "a" + fits;

        assertTrue(ContactRules.isValidEmail(fits));
        assertFalse(ContactRules.isValidEmail(tooLong));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+8613800000000",   // China mobile, the SPEC's example
            "+12025550123",     // US
            "+85261234567",     // Hong Kong, 8 digits after 852
            "+12345678",        // shortest: 8 digits
            "+123456789012345"}) // longest: 15 digits
    void acceptsE164Numbers_N1(String phone) {
        assertTrue(ContactRules.isValidPhone(phone));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "13800000000",        // no +
            "+0861380000000",     // country code cannot start with 0
            "+1234567",           // 7 digits
            "+1234567890123456",  // 16 digits
            "+86 138 0000 0000",  // spaces
            "+86-13800000000",    // dash
            "+86138000000oo",     // letters
            "++8613800000000",
            "+８６13800000000"})   // full-width digits
    void refusesNumbersThatAreNotE164_N1(String phone) {
        assertFalse(ContactRules.isValidPhone(phone));
    }

    @ParameterizedTest
    @CsvSource({
            "+8613800000000, +86138****0000",
            "+12025550123,   +120****0123",
            "+12345678,      +****5678",
            "not-a-number,   ****"})
    void phoneInLogsHidesTheMiddleDigits(String phone, String masked) {
        assertEquals(masked, ContactRules.maskPhone(phone));
    }

    @ParameterizedTest
    @CsvSource({
            "li.lei@example.com, l***@example.com",
            "l@example.com,      l***@example.com",
            "张三@例子.中国,       张***@例子.中国",
            "no-at-sign,         ***"})
    void emailInLogsKeepsOnlyTheFirstLetterAndTheDomain(String email, String masked) {
        assertEquals(masked, ContactRules.maskEmail(email));
    }

    @Test
    void maskingNothingGivesNothing() {
        assertNull(ContactRules.maskPhone(null));
        assertNull(ContactRules.maskEmail(null));
    }
}
