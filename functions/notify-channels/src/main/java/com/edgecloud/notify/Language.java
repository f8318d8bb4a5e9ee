package com.edgecloud.notify;

/** §11: the language of the texts sent, from the account's message settings. */
public enum Language {
    ZH_CN("zh-CN"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The settings' form: {@code zh-CN} or {@code en}. */
    public String tag() {
        return tag;
    }

    /** §11: absent means {@code zh-CN}; an unknown tag is an error (settings validate it). */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return ZH_CN;
        }
        for (Language l : values()) {
            if (l.tag.equals(tag)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown language '" + tag + "': expected zh-CN or en");
    }
}
