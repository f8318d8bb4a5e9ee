package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.MessageSettingsItems.SETTINGS;
import static com.edgecloud.billing.dynamodb.MessageSettingsItems.VERSION;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.notify.MessageSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * N1: message settings live on the account item ({@code messageSettings}, versioned by
 * {@code messageSettingsVersion}). A write sets only those two attributes, under the version
 * read, so it never touches the wallet (cash, coupons, walletVersion) and never loses a
 * concurrent settings change.
 */
public final class DynamoMessageSettings {

    private final DynamoDbClient dynamo;
    private final TypedTables typed;

    public DynamoMessageSettings(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.typed = new TypedTables(dynamo, tables);
    }

    /** The stored settings (the defaults when none) and the version they were read at. */
    public Versioned find(String accountId) {
        MessageSettingsItems.Stored stored = typed.messageSettings().getItem(r -> r.key(k -> k.partitionValue(accountId))
                .consistentRead(true));
        if (stored == null || stored.settings() == null) {
            return new Versioned(MessageSettings.defaults(), 0);
        }
        return new Versioned(stored.settings(), stored.version());
    }

    /** Writes {@code settings} if the stored version is still {@code version}; else ConcurrentUpdateException. */
    public void save(String accountId, MessageSettings settings, long version) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":s", SETTINGS.value(settings));
        values.put(":next", VERSION.value(version + 1));
        String condition = version == 0 ? "attribute_not_exists(" + VERSION.name() + ")" : VERSION.name() + " = :v";
        if (version != 0) {
            values.put(":v", VERSION.value(version));
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(typed.messageSettings().tableName())
                    .key(MessageSettingsItems.key(accountId))
                    .updateExpression("SET " + SETTINGS.name() + " = :s, " + VERSION.name() + " = :next")
                    .conditionExpression(condition)
                    .expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException("message settings of " + accountId + " changed meanwhile");
        }
    }

    public record Versioned(MessageSettings settings, long version) {
    }
}
