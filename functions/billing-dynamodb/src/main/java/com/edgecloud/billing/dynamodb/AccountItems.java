package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.Wallet;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

/**
 * The account item's schema. The item carries more than an {@link Account} (its message settings,
 * unread counter, creation time), so {@link #SCHEMA} only reads it: every write is an update of its
 * own attributes ({@link DynamoAccountRepository}, {@link WalletWrites}).
 */
final class AccountItems {

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
    /** G7: a BALANCE_LOW was sent and not armed again since; written only with a wallet change ({@link WalletWrites}). */
    static final Column<Boolean> BALANCE_LOW_WARNED = S.bool("balanceLowWarned", Account::balanceLowWarned);
    /**
     * G7: the account's running pay-by-configuration instances by spec key; created empty with the
     * account ({@link DynamoAccountRepository#saveProfile}), then moved only by increments with a wallet
     * change ({@link WalletWrites}). Absent on an account created before it was kept. A count may be 0.
     */
    static final Column<Map<String, Long>> RUNNING = S.counts("runningByConfiguration",
            a -> a.running() == null ? null : a.running().bySpec());
    /** Written only by {@link DynamoAccountRepository#saveProfile}'s update; an {@link Account} does not carry them. */
    static final Column<Instant> CREATED_AT = S.instant("createdAt", a -> null);
    static final Column<Instant> UPDATED_AT = S.instant("updatedAt", a -> null);

    static final TableSchema<Account> SCHEMA = S.build(AccountItems::toAccount);

    private AccountItems() {
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
                wallet, row.get(BALANCE_LOW_WARNED, false), running(row.get(RUNNING)));
    }

    private static RunningConfigurations running(Map<String, Long> bySpec) {
        return bySpec == null ? null : RunningConfigurations.NONE.plus(bySpec);
    }
}
