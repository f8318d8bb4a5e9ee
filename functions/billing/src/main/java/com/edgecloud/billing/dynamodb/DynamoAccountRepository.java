package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.AccountRepository;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Accounts table: one item per account with its profile, its cash ({@code cashFen}) and
 * {@code walletVersion}, which every money movement bumps under a condition (A4), and its
 * coupons ({@code coupons}: id → granted, remaining, expiry), so that a charge drawing any
 * number of coupons is one conditional update of one item.
 *
 * <p>The item carries more than an {@link Account} (its message settings, unread counter,
 * creation time), so {@link #SCHEMA} only reads it: every write is an update of its own attributes.
 */
public final class DynamoAccountRepository implements AccountRepository {

    private static final ItemSchema<Account> S = ItemSchema.of(Account.class);
    static final Column<String> ID = S.text("accountId", Account::accountId, primaryPartitionKey());
    static final Column<Boolean> ACTIVATED = S.bool("activated", Account::activated);
    static final Column<Verification> VERIFICATION = S.enumerated("verification", Verification.class,
            Account::verification);
    static final Column<String> CONTACT_NAME = S.text("contactName", a -> a.contact() == null ? null : a.contact().name());
    static final Column<String> CONTACT_PHONE = S.text("contactPhone",
            a -> a.contact() == null ? null : a.contact().phone());
    static final Column<String> CONTACT_EMAIL = S.text("contactEmail",
            a -> a.contact() == null ? null : a.contact().email());
    static final Column<Money> CASH = S.fen("cashFen", a -> a.wallet().cash());
    static final Column<Long> WALLET_VERSION = S.number("walletVersion", a -> a.wallet().version());
    static final Column<Map<String, WalletItems.StoredCoupon>> COUPONS = S.documentMap("coupons",
            WalletItems.StoredCoupon.class, WalletItems.COUPON_SCHEMA, a -> WalletItems.couponMap(a.wallet().coupons()));
    /** Written only by {@link #saveProfile}'s update; an {@link Account} does not carry them. */
    static final Column<Instant> CREATED_AT = S.instant("createdAt", a -> null);
    static final Column<Instant> UPDATED_AT = S.instant("updatedAt", a -> null);

    static final TableSchema<Account> SCHEMA = S.build(DynamoAccountRepository::toAccount);

    private final DynamoDbClient dynamo;
    private final DynamoDbTable<Account> accounts;

    public DynamoAccountRepository(DynamoDbClient dynamo, TableNames tables) {
        this.dynamo = dynamo;
        this.accounts = new TypedTables(dynamo, tables).accounts();
    }

    @Override
    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(accounts.getItem(r -> r.key(accountKey(accountId)).consistentRead(true)));
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
        String expression = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        return SCHEMA.mapToItem(dynamo.updateItem(UpdateItemRequest.builder()
                .tableName(accounts.tableName()).key(key(accountId))
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

    static Key accountKey(String accountId) {
        return Key.builder().partitionValue(accountId).build();
    }

    /** The account item's key, for the low-level requests of the account's other attributes. */
    static Map<String, AttributeValue> key(String accountId) {
        return accountKey(accountId).keyMap(SCHEMA, TableMetadata.primaryIndexName());
    }

    private static Account toAccount(Row row) {
        String name = row.get(CONTACT_NAME);
        String phone = row.get(CONTACT_PHONE);
        String email = row.get(CONTACT_EMAIL);
        Contact contact = name == null && phone == null && email == null ? null : new Contact(name, phone, email);
        Wallet wallet = new Wallet(row.get(CASH, Money.ZERO), WalletItems.coupons(row.get(COUPONS)),
                row.get(WALLET_VERSION, 0L));
        return new Account(row.get(ID), row.get(ACTIVATED, false), row.get(VERIFICATION, Verification.NONE), contact,
                wallet);
    }
}
