package com.edgecloud.billing.dynamodb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Every table, key and index the code uses, in one place. template.yaml declares the same
 * (TemplateMatchesCodeTest checks it); tests and the local server create them from here.
 * The reasons for each key are in docs/tables.md.
 */
public final class Tables {

    /** Instances by owner, oldest first: GET /instances. */
    public static final String INSTANCES_BY_ACCOUNT = "ByAccount";
    /** Sparse: only instances with something due (a warning, expiry, release, a bill). */
    public static final String INSTANCES_DUE = "DueIndex";
    /** A message by its id within the caller's partition: POST /account/messages/{id}/read. */
    public static final String MESSAGES_BY_ID = "ById";
    /** Sparse: deliveries not finished yet, by when they are due (N2 retries). */
    public static final String DELIVERIES_RETRY = "RetryIndex";
    /** Sparse: deliveries parked FAILED, by when they failed (GET /admin/deliveries). */
    public static final String DELIVERIES_FAILED = "FailedIndex";
    /**
     * Sparse: orders with something due: waiting for a third-party payment (bucket PENDING_PAYMENT,
     * cancelled unpaid at dueAt, P2), or paid with instances not all written yet (ORDER#n, completed by
     * the expiry sweep).
     */
    public static final String ORDERS_DUE = "OrdersDue";
    /** Sparse: an account's UNPAID bills, oldest period end first (arrears, G5). */
    public static final String BILLS_UNPAID_BY_ACCOUNT = "UnpaidByAccount";
    /** The idempotency table's TTL attribute (epoch seconds). */
    public static final String IDEMPOTENCY_TTL = "expiresAtEpoch";

    private Tables() {
    }

    public static List<CreateTableRequest> definitions(TableNames names) {
        List<CreateTableRequest> all = new ArrayList<>();
        all.add(hashOnly(names.accounts(), "accountId").build());
        all.add(hashAndRange(names.wallet(), "accountId", "sk").build());
        all.add(hashAndRange(names.catalog(), "pk", "sk").build());
        all.add(hashOnly(names.orders(), "orderId")
                .attributeDefinitions(string("orderId"), string("dueBucket"), string("dueAt"))
                .globalSecondaryIndexes(index(ORDERS_DUE, "dueBucket", "dueAt"))
                .build());
        all.add(hashOnly(names.instances(), "instanceId")
                .attributeDefinitions(
                        string("instanceId"), string("accountId"), string("createdKey"),
                        string("dueBucket"), string("dueAt"))
                .globalSecondaryIndexes(
                        index(INSTANCES_BY_ACCOUNT, "accountId", "createdKey"),
                        index(INSTANCES_DUE, "dueBucket", "dueAt"))
                .build());
        all.add(hashOnly(names.idempotency(), "key").build());
        all.add(hashOnly(names.outbox(), "id")
                .streamSpecification(StreamSpecification.builder()
                        .streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE).build())
                .build());
        all.add(hashAndRange(names.terms(), "instanceId", "sk").build());
        all.add(hashAndRange(names.operations(), "instanceId", "sk").build());
        all.add(hashAndRange(names.bills(), "instanceId", "sk")
                .attributeDefinitions(string("instanceId"), string("sk"), string("unpaidAccountId"), string("unpaidKey"))
                .globalSecondaryIndexes(index(BILLS_UNPAID_BY_ACCOUNT, "unpaidAccountId", "unpaidKey"))
                .build());
        all.add(hashOnly(names.payments(), "paymentId").build());
        all.add(hashAndRange(names.messages(), "accountId", "sk")
                .attributeDefinitions(string("accountId"), string("sk"), string("id"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName(MESSAGES_BY_ID)
                        .keySchema(key("accountId", KeyType.HASH), key("id", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build());
        all.add(hashOnly(names.deliveries(), "id")
                .attributeDefinitions(string("id"), string("retryBucket"), string("nextAttemptAt"),
                        string("failedBucket"), string("updatedAt"))
                .globalSecondaryIndexes(
                        index(DELIVERIES_RETRY, "retryBucket", "nextAttemptAt"),
                        index(DELIVERIES_FAILED, "failedBucket", "updatedAt"))
                .build());
        return all;
    }

    /** Creates the tables of the default names that do not exist yet (DynamoDB Local). */
    public static void createAll(DynamoDbClient dynamo) {
        createAll(dynamo, TableNames.defaults());
    }

    /** Creates the tables that do not exist yet (DynamoDB Local, LocalStack). */
    public static void createAll(DynamoDbClient dynamo, TableNames names) {
        for (CreateTableRequest table : definitions(names)) {
            try {
                dynamo.createTable(table);
            } catch (ResourceInUseException alreadyThere) {
                continue;
            }
            if (table.tableName().equals(names.idempotency())) {
                dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
                        .tableName(table.tableName())
                        .timeToLiveSpecification(TimeToLiveSpecification.builder()
                                .attributeName(IDEMPOTENCY_TTL).enabled(true).build())
                        .build());
            }
        }
    }

    private static CreateTableRequest.Builder hashOnly(String table, String hash) {
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(hash))
                .keySchema(key(hash, KeyType.HASH));
    }

    private static CreateTableRequest.Builder hashAndRange(String table, String hash, String range) {
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(hash), string(range))
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE));
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(hash, KeyType.HASH), key(range, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
