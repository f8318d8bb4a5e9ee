package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code nextToken} of SPEC §11: the query's last evaluated key (string attributes only),
 * as URL-safe base64 of {@code name=value} lines. A token must name the caller's own
 * partition, so it cannot page through someone else's items, and exactly the key
 * attributes of the query, so a forged one is a 400 rather than a DynamoDB error.
 *
 * <p>A query asks for one item more than the page ({@link #fetchSize}): when that extra
 * item is there, the token is the key of the page's last item; when it is not, this was
 * the last page and its token is null, even when the page is full.
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

    /** How many items to query for a page of {@code limit}. */
    static int fetchSize(int limit) {
        return limit + 1;
    }

    /** The page out of a typed query of {@link #fetchSize} items; the token is taken by {@code schema}. */
    static <T> Page<T> page(List<T> fetched, int limit, TableSchema<T> schema, List<String> keyAttributes) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> page = List.copyOf(fetched.subList(0, limit));
        return new Page<>(page, encode(schema.itemToMap(page.get(limit - 1), keyAttributes)));
    }

    /** The first page of an enhanced query (it asked for {@link #fetchSize} items). */
    static <T> List<T> firstPage(SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<T>> pages) {
        return pages.iterator().next().items();
    }

    /** A token's key, if it names the caller's partition and exactly {@code keyAttributes}; else a 400. */
    static Map<String, AttributeValue> decode(String token, String partitionAttribute, String partitionValue,
                                              List<String> keyAttributes) {
        Map<String, AttributeValue> key = decode(token, partitionAttribute, partitionValue);
        if (key != null && !key.keySet().equals(Set.copyOf(keyAttributes))) {
            throw invalid();
        }
        return key;
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

    static BillingException invalid() {
        return BillingException.validation(List.of(new FieldError("nextToken", "is not a token this list gave out")));
    }
}
