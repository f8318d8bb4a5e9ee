package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code nextToken} of SPEC §11: the query's last evaluated key (string attributes only),
 * as URL-safe base64 of {@code name=value} lines. A token must name the caller's own
 * partition, so it cannot page through someone else's items.
 */
final class PageToken {

    private PageToken() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        lastKey.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue().s()).append('\n'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String token, String partitionAttribute, String partitionValue) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("no '='");
                }
                key.put(line.substring(0, eq), AttributeValue.fromS(line.substring(eq + 1)));
            }
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        AttributeValue partition = key.get(partitionAttribute);
        if (partition == null || !partitionValue.equals(partition.s())) {
            throw invalid();
        }
        return key;
    }

    private static BillingException invalid() {
        return BillingException.validation(List.of(new FieldError("nextToken", "is not a token this list gave out")));
    }
}
