package com.edgecloud.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.lifecycle.LifecycleChange;
import com.edgecloud.billing.lifecycle.LifecycleStore;
import com.edgecloud.billing.metering.UsageBilling;
import com.edgecloud.billing.metering.LowBalanceWarning;
import com.edgecloud.billing.metering.UsageMeter;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.WalletChange;
import com.edgecloud.billing.wallet.WalletMovements;
import com.edgecloud.testing.Fixtures;
import com.edgecloud.testing.TestContexts;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * G2, issue 19: a run bills from what the due page brought and reads an instance again only when
 * the commit under the version seen fails. A page that lags the table (the index is eventually
 * consistent) never bills an hour twice, and a page that is current costs no instance read.
 */
class StaleDuePageIntegrationTest {

    static final Fixtures fixtures = new Fixtures();
    static final DynamoBillRepository bills = new DynamoBillRepository(fixtures.dynamo, fixtures.tables);
    static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = TestContexts.start(Map.of());
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** A due index that answers with the pages it held at some earlier moment. */
    static final class LaggingIndex implements LifecycleStore {
        final LifecycleStore real;
        final Map<String, List<Instance>> held;

        LaggingIndex(LifecycleStore real, Map<String, List<Instance>> held) {
            this.real = real;
            this.held = held;
        }

        @Override
        public Page<Instance> due(String bucket, Instant now, int limit, String token) {
            return new Page<>(held.getOrDefault(bucket, List.of()), null);
        }

        @Override
        public void commit(List<LifecycleChange> changes, WalletChange wallet, IdempotentCompletion answer,
                           OperationRecord operation) {
            real.commit(changes, wallet, answer, operation);
        }
    }

    /** Counts the instance reads the billing makes. */
    static final class CountingInstances implements InstanceRepository {
        final InstanceRepository real;
        final AtomicInteger reads = new AtomicInteger();

        CountingInstances(InstanceRepository real) {
            this.real = real;
        }

        @Override
        public Optional<Instance> find(String instanceId) {
            reads.incrementAndGet();
            return real.find(instanceId);
        }

        @Override
        public void create(Instance instance) {
            real.create(instance);
        }

        @Override
        public Instance update(Instance changed) {
            return real.update(changed);
        }

        @Override
        public Page<Instance> listByAccount(String accountId, int limit, String nextToken) {
            return real.listByAccount(accountId, limit, nextToken);
        }
    }

    private static UsageBilling billing(LifecycleStore store, InstanceRepository instances) {
        return new UsageBilling(context.getBean(WalletMovements.class), instances,
                context.getBean(CatalogRepository.class), store, context.getBean(UsageMeter.class),
                context.getBean(LowBalanceWarning.class), 4);
    }

    @Test
    void aPageThatLagsTheTableBillsNothingTwiceAndACurrentOneReadsNoInstance_G2() {
        fixtures.clearDue();
        String account = fixtures.verifiedAccount();
        fixtures.recharge(account, "100.00");
        String[] spec = fixtures.nodeWithHourlyPrice("2.00", 10);
        Instant launch = Instant.parse("2026-12-01T00:00:00Z");
        List<Instance> servers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            servers.add(fixtures.payByConfiguration(account, spec, launch));
        }
        Map<String, List<Instance>> pageAtLaunch = Map.of(servers.get(0).due().bucket(), servers);
        LifecycleStore real = context.getBean(LifecycleStore.class);
        CountingInstances instances = new CountingInstances(context.getBean(InstanceRepository.class));
        Instant hour = launch.plus(Duration.ofHours(1));

        UsageBilling.Run current = billing(new LaggingIndex(real, pageAtLaunch), instances).run(
                UsageBilling.allBuckets(), hour, () -> true);
        assertEquals(3, current.billed().bills());
        assertEquals(0, instances.reads.get(), "the page was current: no instance read");

        UsageBilling.Run stale = billing(new LaggingIndex(real, pageAtLaunch), instances).run(
                UsageBilling.allBuckets(), hour, () -> true);
        assertEquals(0, stale.billed().bills(), "the lagging page's hour is billed already");
        assertEquals(3, instances.reads.get(), "read again once the version seen had moved");

        for (Instance server : servers) {
            assertEquals(1, bills.listByInstance(server.id(), 10, null).items().size());
        }
        assertEquals(Money.parse("94.00"), fixtures.account(account).wallet().cash());
    }
}
