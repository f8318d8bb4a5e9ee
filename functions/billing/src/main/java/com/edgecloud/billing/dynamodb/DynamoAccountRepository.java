package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.wallet.Coupon;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Accounts table: one item per account with its profile, its cash ({@code cashFen}) and
 * {@code walletVersion}, which every money movement bumps under a condition (A4). The
 * account's coupons are items of the Wallet table.
 */
public final class DynamoAccountRepository implements AccountRepository {

    static final String CASH = "cashFen";
    static final String WALLET_VERSION = "walletVersion";

    private final DynamoDbClient dynamo;
    private final TableNames tables;

    public DynamoAccountRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    @Override
    public Optional<Account> find(String accountId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(tables.accounts()).key(key(accountId)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toAccount(new Item(item), coupons(accountId)));
    }

    @Override
    public Account saveProfile(String accountId, boolean activated, Verification verification, Contact contact,
                               Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":activated", AttributeValue.fromBool(activated));
        values.put(":verification", Attr.s(verification.name()));
        values.put(":now", Attr.instant(now));
        values.put(":zero", Attr.n(0));
        StringBuilder set = new StringBuilder("SET activated = :activated, verification = :verification, "
                + "updatedAt = :now, createdAt = if_not_exists(createdAt, :now), "
                + CASH + " = if_not_exists(" + CASH + ", :zero), "
                + WALLET_VERSION + " = if_not_exists(" + WALLET_VERSION + ", :zero)");
        StringBuilder remove = new StringBuilder();
        contactField(set, remove, values, "contactName", contact == null ? null : contact.name());
        contactField(set, remove, values, "contactPhone", contact == null ? null : contact.phone());
        contactField(set, remove, values, "contactEmail", contact == null ? null : contact.email());
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(tables.accounts()).key(key(accountId))
                .updateExpression(expression)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build());
        return find(accountId).orElseThrow();
    }

    private static void contactField(StringBuilder set, StringBuilder remove, Map<String, AttributeValue> values,
                                     String name, String value) {
        if (value == null || value.isBlank()) {
            remove.append(remove.isEmpty() ? "" : ", ").append(name);
        } else {
            set.append(", ").append(name).append(" = :").append(name);
            values.put(":" + name, Attr.s(value));
        }
    }

    private List<Coupon> coupons(String accountId) {
        return dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(tables.wallet())
                        .keyConditionExpression("accountId = :a AND begins_with(sk, :coupon)")
                        .filterExpression("remainingFen > :zero")
                        .expressionAttributeValues(Map.of(":a", Attr.s(accountId), ":coupon", Attr.s(WalletItems.COUPON),
                                ":zero", Attr.n(0)))
                        .consistentRead(true)
                        .build())
                .items().stream().map(item -> WalletItems.toCoupon(new Item(item))).toList();
    }

    static Map<String, AttributeValue> key(String accountId) {
        return Map.of("accountId", Attr.s(accountId));
    }

    private static Account toAccount(Item item, List<Coupon> coupons) {
        String name = item.s("contactName");
        String phone = item.s("contactPhone");
        String email = item.s("contactEmail");
        Contact contact = name == null && phone == null && email == null ? null : new Contact(name, phone, email);
        Wallet wallet = new Wallet(Money.ofFen(item.n(CASH, 0)), coupons, item.n(WALLET_VERSION, 0));
        Verification verification = item.s("verification") == null ? Verification.NONE
                : Verification.valueOf(item.s("verification"));
        return new Account(item.s("accountId"), item.bool("activated"), verification, contact, wallet);
    }

    static String storage(Instant instant) {
        return ApiTime.storage(instant);
    }
}
