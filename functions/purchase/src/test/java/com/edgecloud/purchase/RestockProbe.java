package com.edgecloud.purchase;

import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.PriceHistory;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.catalog.Spec;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.runtime.BillingBeans;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real catalog repository, seen from a test: it tells what stock an operator's change read
 * and can hold that change between its read and its write, so that purchases land in between.
 * Only in a context started with {@value #PROPERTY}.
 */
@Singleton
@Requires(property = RestockProbe.PROPERTY)
@Replaces(bean = CatalogRepository.class, factory = BillingBeans.class)
class RestockProbe implements CatalogRepository {

    static final String PROPERTY = "test.restock-probe";

    /** Counted down once a held change has read; the change waits for {@link #release}. */
    static volatile CountDownLatch read;
    static volatile CountDownLatch release;
    static volatile Integer lastSeenStock;

    private final DynamoCatalogRepository real;

    RestockProbe(DynamoDbClient dynamo, TableNames tables) {
        this.real = new DynamoCatalogRepository(dynamo, tables);
    }

    /** The next change holds after its read until the latch returned is counted down. */
    static CountDownLatch holdNextChange() {
        read = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        release = held;
        return held;
    }

    @Override
    public Optional<Seen> specForChange(String nodeId, String specId) {
        Optional<Seen> seen = real.specForChange(nodeId, specId);
        lastSeenStock = seen.map(s -> s.spec().stock()).orElse(null);
        CountDownLatch held = release;
        if (held != null) {
            release = null;
            read.countDown();
            try {
                if (!held.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return seen;
    }

    @Override
    public Optional<Spec> replaceSpec(Spec wanted, PriceHistory hourlyPrices, Optional<Seen> seen) {
        return real.replaceSpec(wanted, hourlyPrices, seen);
    }

    @Override
    public List<Node> nodes() {
        return real.nodes();
    }

    @Override
    public Optional<Node> node(String nodeId) {
        return real.node(nodeId);
    }

    @Override
    public List<Spec> specs(String nodeId) {
        return real.specs(nodeId);
    }

    @Override
    public Optional<Spec> spec(String nodeId, String specId) {
        return real.spec(nodeId, specId);
    }

    @Override
    public void saveNode(Node node) {
        real.saveNode(node);
    }
}
