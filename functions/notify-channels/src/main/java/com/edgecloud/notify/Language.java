package com.edgecloud.notify;

import java.util.Objects;

/**
 * §11: the language of the texts sent, from the account's message settings, by its tag
 * ({@code zh-CN}, {@code en}). A language is known when its texts are: {@code messages_<tag>.properties}
 * beside {@link MessageBundle}.
 */
public record Language(String tag) {

    public static final Language ZH_CN = new Language("zh-CN");
    public static final Language EN = new Language("en");

    public Language {
        Objects.requireNonNull(tag, "tag");
    }

    /** §11: absent means {@code zh-CN}; a tag without texts is an error (settings validate it). */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return ZH_CN;
        }
        if (!tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") || !MessageBundle.exists(tag)) {
            throw new IllegalArgumentException("Unknown language '" + tag + "': no " + MessageBundle.fileName(tag));
        }
        return new Language(tag);
    }
}
