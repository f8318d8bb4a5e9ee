package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.money.Money;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Accounts table: one item per account with its profile, its cash ({@code cashFen}) and
 * {@code walletVersion}, which every money movement bumps under a condition (A4), and its
 * coupons ({@code coupons}: id → granted, remaining, expiry), so that a charge drawing any
 * number of coupons is one conditional update of one item.
 */
public final class DynamoAccountRepository implements AccountRepository {

    static final String CASH = "cashFen";
    static final String WALLET_VERSION = "walletVersion";
    static final String COUPONS = "coupons";

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
        return Optional.of(toAccount(new Item(item)));
    }

    @Override
    public Account saveProfile(String accountId, boolean activated, Verification verification, Contact contact,
                               Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":activated", AttributeValue.fromBool(activated));
        values.put(":verification", Attr.s(verification.name()));
        values.put(":now", Attr.instant(now));
        values.put(":zero", Attr.n(0));
        values.put(":noCoupons", AttributeValue.fromM(Map.of()));
        StringBuilder set = new StringBuilder("SET activated = :activated, verification = :verification, "
                + "updatedAt = :now, createdAt = if_not_exists(createdAt, :now), "
                + CASH + " = if_not_exists(" + CASH + ", :zero), "
                + WALLET_VERSION + " = if_not_exists(" + WALLET_VERSION + ", :zero), "
                + COUPONS + " = if_not_exists(" + COUPONS + ", :noCoupons)");
        StringBuilder remove = new StringBuilder();
        contactField(set, remove, values, "contactName", contact == null ? null : contact.name());
        contactField(set, remove, values, "contactPhone", contact == null ? null : contact.phone());
        contactField(set, remove, values, "contactEmail", contact == null ? null : contact.email());
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        return toAccount(new Item(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(tables.accounts()).key(key(accountId))
                .updateExpression(expression)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build()).attributes()));
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

    /** A2: coupons used up leave the map; expired ones stay until they are pruned, and never count. */
    private static List<Coupon> coupons(Item account) {
        AttributeValue coupons = account.map().get(COUPONS);
        if (coupons == null || !coupons.hasM()) {
            return List.of();
        }
        return coupons.m().entrySet().stream()
                .map(e -> WalletItems.toCoupon(e.getKey(), new Item(e.getValue().m())))
                .filter(coupon -> coupon.remaining().isPositive())
                .toList();
    }

    static Map<String, AttributeValue> key(String accountId) {
        return Map.of("accountId", Attr.s(accountId));
    }

    private static Account toAccount(Item item) {
        String name = item.s("contactName");
        String phone = item.s("contactPhone");
        String email = item.s("contactEmail");
        Contact contact = name == null && phone == null && email == null ? null : new Contact(name, phone, email);
        Wallet wallet = new Wallet(Money.ofFen(item.n(CASH, 0)), coupons(item), item.n(WALLET_VERSION, 0));
        Verification verification = item.s("verification") == null ? Verification.NONE
                : Verification.valueOf(item.s("verification"));
        return new Account(item.s("accountId"), item.bool("activated"), verification, contact, wallet);
    }
}
