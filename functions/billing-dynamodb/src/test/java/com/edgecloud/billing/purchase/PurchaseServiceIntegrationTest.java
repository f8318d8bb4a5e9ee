package com.edgecloud.billing.purchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.catalog.CatalogExamples;
import com.edgecloud.billing.catalog.SpecChanges;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoIdempotencyStore;
import com.edgecloud.billing.dynamodb.DynamoPurchaseStore;
import com.edgecloud.billing.dynamodb.DynamoWalletRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.dynamodb.Tables;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.idempotency.Claim;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.RetryPolicy;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.dynamodblocal.DynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The purchase's one transaction against DynamoDB Local, with something happening between plan and commit. */
class PurchaseServiceIntegrationTest {

    private static final Instant NOW = Instant.parse("2016-01-01T07:00:00Z");

    private final DynamoDbClient dynamo = DynamoDbLocal.shared(Tables::createAll).client();
    private final TableNames tables = TableNames.defaults();
    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final WalletMovements movements = new WalletMovements(accounts, RetryPolicy.DEFAULT);
    private final DynamoWalletRepository wallets = new DynamoWalletRepository(dynamo, tables, movements);
    private final DynamoCatalogRepository catalog = new DynamoCatalogRepository(dynamo, tables);
    private final DynamoIdempotencyStore idempotency = new DynamoIdempotencyStore(dynamo, tables);

    @Test
    void anAccountDeactivatedBetweenPlanAndCommitIsNotCharged_A1() {
        String account = Ids.next("acct");
        accounts.saveProfile(account, true, Verification.PERSONAL, new Contact("A", null, null), NOW);
        wallets.recharge(account, Money.parse("5000.00"), NOW);
        String node = Ids.next("node");
        catalog.saveNode(CatalogExamples.openNode(node));
        new SpecChanges(catalog, Clock.systemUTC()).put(CatalogExamples.standardSpec(node, "std", 5));
        PurchaseStore store = new DynamoPurchaseStore(dynamo, tables, catalog, idempotency);
        PurchaseStore deactivatedMeanwhile = new PurchaseStore() {
            @Override
            public int commit(PurchasePlan plan, IdempotentCompletion completion) {
                accounts.saveProfile(account, false, Verification.PERSONAL, null, NOW); // an operator, just now
                return store.commit(plan, completion);
            }

            @Override
            public void materialize(Order order, List<Instance> instances) {
                store.materialize(order, instances);
            }

            @Override
            public Optional<Order> findOrder(String orderId) {
                return store.findOrder(orderId);
            }

            @Override
            public List<String> incompleteOrders(String bucket, Instant now, int limit) {
                return store.incompleteOrders(bucket, now, limit);
            }
        };
        PurchaseService purchases = new PurchaseService(movements, catalog, deactivatedMeanwhile,
                new ExpiryCalendar(ExpiryCalendar.DEFAULT_ZONE), Money.parse("50.00"), Clock.fixed(NOW, ZoneOffset.UTC));
        Claim.Acquired claim = (Claim.Acquired) idempotency.claim(account + "#purchase#k", "hash", Instant.now());

        BillingException refused = assertThrows(BillingException.class, () -> purchases.purchase(
                new PurchaseRequest(account, node, "std", 1, BillingMethod.MONTHLY_PACKAGE, TermDuration.months(1),
                        PaymentMethod.BALANCE),
                plan -> new IdempotentCompletion(claim.key(), claim.token(), 201, "{}")));

        assertEquals(ErrorCode.ACCOUNT_NOT_ACTIVE, refused.code());
        assertEquals("5000.00", accounts.find(account).orElseThrow().wallet().cash().toString(), "not charged");
        assertEquals(5, catalog.spec(node, "std").orElseThrow().stock());
        assertTrue(wallets.ledger(account, 10, null).items().stream().noneMatch(e -> e.type().isCharge()));
    }
}
