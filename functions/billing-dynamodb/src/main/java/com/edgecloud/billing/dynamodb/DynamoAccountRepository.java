package com.edgecloud.billing.dynamodb;

import static com.edgecloud.billing.dynamodb.AccountItems.ACTIVATED;
import static com.edgecloud.billing.dynamodb.AccountItems.CASH;
import static com.edgecloud.billing.dynamodb.AccountItems.CONTACT_EMAIL;
import static com.edgecloud.billing.dynamodb.AccountItems.CONTACT_NAME;
import static com.edgecloud.billing.dynamodb.AccountItems.CONTACT_PHONE;
import static com.edgecloud.billing.dynamodb.AccountItems.COUPONS;
import static com.edgecloud.billing.dynamodb.AccountItems.CREATED_AT;
import static com.edgecloud.billing.dynamodb.AccountItems.ID;
import static com.edgecloud.billing.dynamodb.AccountItems.RUNNING;
import static com.edgecloud.billing.dynamodb.AccountItems.SCHEMA;
import static com.edgecloud.billing.dynamodb.AccountItems.UPDATED_AT;
import static com.edgecloud.billing.dynamodb.AccountItems.VERIFICATION;
import static com.edgecloud.billing.dynamodb.AccountItems.WALLET_VERSION;
import static com.edgecloud.billing.dynamodb.AccountItems.accountKey;
import static com.edgecloud.billing.dynamodb.AccountItems.key;


import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Accounts table: one item per account with its profile, its cash ({@code cashFen}) and
 * {@code walletVersion}, which every money movement bumps under a condition (A4), and its
 * coupons ({@code coupons}: id → granted, remaining, expiry), so that a charge drawing any
 * number of coupons is one conditional update of one item.
 *
 * <p>The item's schema is {@link AccountItems}: it only reads the item, every write is an update.
 */
public final class DynamoAccountRepository implements AccountRepository {

    private final DynamoDbClient dynamo;
    private final TypedTables typed;

    public DynamoAccountRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.typed = new TypedTables(dynamo, tables);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(typed.accounts().getItem(r -> r.key(accountKey(accountId)).consistentRead(true)));
    }

    @Override
    public Account saveProfile(String accountId, boolean activated, Verification verification, Contact contact,
                               Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":activated", ACTIVATED.value(activated));
        values.put(":verification", VERIFICATION.value(verification));
        values.put(":now", UPDATED_AT.value(now));
        values.put(":zeroCash", CASH.value(Money.ZERO));
        values.put(":zeroVersion", WALLET_VERSION.value(0L));
        values.put(":noCoupons", COUPONS.value(Map.of()));
        StringBuilder set = new StringBuilder("SET " + ACTIVATED.name() + " = :activated, "
                + VERIFICATION.name() + " = :verification, "
                + UPDATED_AT.name() + " = :now, "
                + CREATED_AT.name() + " = if_not_exists(" + CREATED_AT.name() + ", :now), "
                + CASH.name() + " = if_not_exists(" + CASH.name() + ", :zeroCash), "
                + WALLET_VERSION.name() + " = if_not_exists(" + WALLET_VERSION.name() + ", :zeroVersion), "
                + COUPONS.name() + " = if_not_exists(" + COUPONS.name() + ", :noCoupons)");
        StringBuilder remove = new StringBuilder();
        contactField(set, remove, values, CONTACT_NAME, contact == null ? null : contact.name());
        contactField(set, remove, values, CONTACT_PHONE, contact == null ? null : contact.phone());
        contactField(set, remove, values, CONTACT_EMAIL, contact == null ? null : contact.email());
        String removed = remove.isEmpty() ? "" : " REMOVE " + remove;
        try {
            return create(accountId, set + removed, values);
        } catch (ConditionalCheckFailedException exists) {
            return update(accountId, set + removed, values);
        }
    }

    /**
     * G7: an account created now keeps its running pay-by-configuration counts from the start (empty:
     * it has no instance yet). Only on creation: an older account's instances were never counted, so
     * it goes without them (its rate is read from its instances, {@code BalanceForecast}).
     */
    private Account create(String accountId, String setAndRemove, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> withCounts = new HashMap<>(values);
        withCounts.put(":noneRunning", RUNNING.value(Map.of()));
        String expression = setAndRemove.replaceFirst("^SET ", "SET " + RUNNING.name() + " = :noneRunning, ");
        return SCHEMA.mapToItem(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(typed.names().accounts()).key(key(accountId))
                .updateExpression(expression)
                .conditionExpression("attribute_not_exists(" + ID.name() + ")")
                .expressionAttributeValues(withCounts)
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes());
    }

    private Account update(String accountId, String expression, Map<String, AttributeValue> values) {
        return SCHEMA.mapToItem(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(typed.names().accounts()).key(key(accountId))
                .updateExpression(expression)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes());
    }

    private static void contactField(StringBuilder set, StringBuilder remove, Map<String, AttributeValue> values,
                                     Column<String> field, String value) {
        if (value == null || value.isBlank()) {
            remove.append(remove.isEmpty() ? "" : ", ").append(field.name());
        } else {
            set.append(", ").append(field.name()).append(" = :").append(field.name());
            values.put(":" + field.name(), field.value(value));
        }
    }
}
