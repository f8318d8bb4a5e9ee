package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of the Idempotency table, keyed {@code <account>#<operation>#<Idempotency-Key>}: the
 * request's hash, the claim ({@code IN_PROGRESS} with its token and lease end) or the stored answer
 * ({@code COMPLETED}), and the TTL attribute (epoch seconds, 24 h after the claim).
 */
final class IdempotencyItems {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    /** A record as stored; {@code leaseUntil} and {@code expiresAtEpoch} in epoch seconds. */
    record Stored(String key, String requestHash, String status, String token, Long leaseUntil,
                  Long expiresAtEpoch, Integer responseStatus, String responseBody) {
    }

    private static final ItemSchema<Stored> S = ItemSchema.of(Stored.class);
    static final Column<String> KEY = S.text("key", Stored::key, primaryPartitionKey());
    static final Column<String> REQUEST_HASH = S.text("requestHash", Stored::requestHash);
    static final Column<String> STATUS = S.text("status", Stored::status);
    static final Column<String> TOKEN = S.text("token", Stored::token);
    static final Column<Long> LEASE_UNTIL = S.number("leaseUntil", Stored::leaseUntil);
    static final Column<Long> EXPIRES = S.number(Tables.IDEMPOTENCY_TTL, Stored::expiresAtEpoch);
    static final Column<Integer> RESPONSE_STATUS = S.integer("responseStatus", Stored::responseStatus);
    static final Column<String> RESPONSE_BODY = S.text("responseBody", Stored::responseBody);

    /** The names of the lease condition ({@code #token}, {@code #status}) of the claim and the answer. */
    static final Map<String, String> LEASE_NAMES = Map.of("#token", TOKEN.name(),
            "#status", STATUS.name());

    static final TableSchema<Stored> SCHEMA = S.build(row -> new Stored(row.get(KEY), row.get(REQUEST_HASH),
            row.get(STATUS), row.get(TOKEN), row.get(LEASE_UNTIL), row.get(EXPIRES), row.get(RESPONSE_STATUS),
            row.get(RESPONSE_BODY)));

    private IdempotencyItems() {
    }

    static Key key(String key) {
        return Key.builder().partitionValue(key).build();
    }

    /** The key as the low-level update of the answer takes it. */
    static Map<String, AttributeValue> keyMap(String key) {
        return key(key).keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }
}
