package com.edgecloud.notify;

import com.edgecloud.billing.notify.NotificationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's texts: {@code messages_<tag>.properties} beside this class, UTF-8. The file
 * holds every word; this class only fills its placeholders, as its header describes: a fact, a
 * fragment (the first alternative whose facts are all known) or a count's plural.
 */
final class MessageBundle {

    /** The parts every notification type has in every bundle. */
    static final Set<String> PARTS = Set.of("title", "body", "sms");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)(?::([A-Za-z]+))?}");
    private static final Map<String, MessageBundle> LOADED = new ConcurrentHashMap<>();

    private final String tag;
    private final Properties texts;

    private MessageBundle(String tag, Properties texts) {
        this.tag = tag;
        this.texts = texts;
    }

    static boolean exists(String tag) {
        return MessageBundle.class.getResource(fileName(tag)) != null;
    }

    static MessageBundle of(String tag) {
        return LOADED.computeIfAbsent(tag, MessageBundle::load);
    }

    Set<String> keys() {
        return texts.stringPropertyNames();
    }

    String template(String key) {
        return texts.getProperty(key);
    }

    /** {@code part} (title, body or sms) of {@code type}, filled with {@code facts}. */
    String render(NotificationType type, String part, Map<String, Object> facts) {
        String key = type.name() + "." + part;
        String template = texts.getProperty(key);
        if (template == null) {
            throw new IllegalStateException(fileName(tag) + " has no " + key);
        }
        return fill(type, template, facts).orElseThrow(() -> new IllegalStateException(
                key + " in " + fileName(tag) + " names a fact this notification does not have: " + facts));
    }

    /** The template filled, or empty when one of its facts is not known. */
    private Optional<String> fill(NotificationType type, String template, Map<String, Object> facts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Optional<String> value = m.group(2) == null
                    ? value(type, m.group(1), facts)
                    : plural(type, m.group(1), m.group(2), facts);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.get()));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private Optional<String> value(NotificationType type, String name, Map<String, Object> facts) {
        if (facts.containsKey(name)) {
            return Optional.ofNullable(facts.get(name)).map(String::valueOf);
        }
        return fragment(type, name, facts);
    }

    /** The first alternative of fragment {@code name} (the type's own, else the shared one) that can be filled. */
    private Optional<String> fragment(NotificationType type, String name, Map<String, Object> facts) {
        String prefix = texts.containsKey(type.name() + "." + name + ".1") ? type.name() + "." + name : name;
        if (!texts.containsKey(prefix + ".1")) {
            throw new IllegalStateException(fileName(tag) + ": {" + name + "} is neither a fact nor a fragment");
        }
        for (int i = 1; texts.containsKey(prefix + "." + i); i++) {
            Optional<String> filled = fill(type, texts.getProperty(prefix + "." + i), facts);
            if (filled.isPresent()) {
                return filled;
            }
        }
        return Optional.empty();
    }

    /** {@code {count:name}}: {@code name.one} when the count is 1, else {@code name.other}, with {@code {n}}. */
    private Optional<String> plural(NotificationType type, String countFact, String name, Map<String, Object> facts) {
        if (!(facts.get(countFact) instanceof Integer count)) {
            return Optional.empty();
        }
        String key = name + (count == 1 ? ".one" : ".other");
        String own = texts.getProperty(type.name() + "." + key);
        String template = own != null ? own : texts.getProperty(key);
        if (template == null) {
            throw new IllegalStateException(fileName(tag) + " has no " + key);
        }
        Map<String, Object> withCount = new HashMap<>(facts);
        withCount.put("n", count);
        return fill(type, template, withCount);
    }

    private static MessageBundle load(String tag) {
        String file = fileName(tag);
        try (InputStream in = MessageBundle.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("No texts in language '" + tag + "': " + file + " is missing");
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new MessageBundle(tag, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    /** {@code zh-CN} is in {@code messages_zh_CN.properties}. */
    static String fileName(String tag) {
        return "messages_" + tag.replace('-', '_') + ".properties";
    }
}
