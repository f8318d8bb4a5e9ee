package com.edgecloud.billing.metering;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.WalletPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * G7: how long an account's available balance lasts. The rate is the sum of the hourly prices in
 * effect now (G2) of the account's NORMAL pay-by-configuration instances, so it follows a price
 * change and every launch, delete, overdue and release; computed when asked, never stored (the
 * account keeps only how many run of each spec, {@link RunningConfigurations}).
 */
public final class BalanceForecast {

    private static final int PAGE = 100;
    private static final long SECONDS_PER_HOUR = 3600;

    private final InstanceRepository instances;
    private final CatalogRepository catalog;

    public BalanceForecast(InstanceRepository instances, CatalogRepository catalog) {
        this.instances = instances;
        this.catalog = catalog;
    }

    /** The available balance at {@code at} and the hourly rate it pays. */
    public record Forecast(Money available, Money hourly, Instant at) {

        /** The instant the balance runs out at the rate (to the second); null when nothing runs. */
        public Instant coversUntil() {
            if (!hourly.isPositive()) {
                return null;
            }
            return at.plusSeconds(Math.multiplyExact(available.fen(), SECONDS_PER_HOUR) / hourly.fen());
        }

        /** Whole hours the balance still covers; null when nothing runs. */
        public Long hoursLeft() {
            return hourly.isPositive() ? available.fen() / hourly.fen() : null;
        }

        /** Whether the balance covers {@code cover} at the rate (always, when nothing runs). */
        public boolean covers(Duration cover) {
            return Math.multiplyExact(available.fen(), SECONDS_PER_HOUR)
                    >= Math.multiplyExact(hourly.fen(), cover.getSeconds());
        }
    }

    /** G7, GET /account: the account as stored, at {@code now}. */
    public Forecast of(Account account, Instant now) {
        return new Forecast(account.wallet().available(now),
                hourlyRate(account.accountId(), Map.of(), new SpecPrices(catalog), now), now);
    }

    /**
     * G7 after a run's bills (issue 19): the rate of the account as {@code planned} leaves it, from
     * the counts its account item keeps, each spec priced from the run's {@code prices} (read once
     * per run). Measured (docs/decisions.md, "Measured decisions"): the query of the account's
     * instances it replaces was one call per account billed, 3.06 calls per account against 2.06.
     * Neither the due page nor the bucket can stand in for it: an instance launched after the hour
     * billed is not due, and one written under another bucket layout is in another bucket; the
     * counts hold them all, since every launch, delete, OVERDUE and resumption moves them in its own
     * transaction. An account created before the counts were kept has none and is read as before.
     */
    Money hourlyRate(WalletPlan planned, Map<String, Instance> changed, SpecPrices prices, Instant now) {
        RunningConfigurations running = planned.running();
        if (running == null) {
            return hourlyRate(planned.account().accountId(), changed, prices, now);
        }
        Money rate = Money.ZERO;
        for (Map.Entry<String, Long> spec : running.bySpec().entrySet()) {
            Money price = prices.of(RunningConfigurations.nodeOf(spec.getKey()), RunningConfigurations.specOf(spec.getKey()))
                    .priceAt(now);
            rate = rate.plus(price.times(Math.max(0, spec.getValue()))); // a count is never below 0; if it were, 0
        }
        return rate;
    }

    /**
     * G7: the rate of the account's NORMAL pay-by-configuration instances at {@code now}, each as in
     * {@code changed} when there (a run's planned changes), else as stored.
     */
    Money hourlyRate(String accountId, Map<String, Instance> changed, SpecPrices prices, Instant now) {
        Money rate = Money.ZERO;
        String token = null;
        do {
            Page<Instance> page = instances.listByAccount(accountId, PAGE, token);
            for (Instance stored : page.items()) {
                Instance instance = changed.getOrDefault(stored.id(), stored);
                if (runsPayingByConfiguration(instance)) {
                    rate = rate.plus(prices.of(instance).priceAt(now));
                }
            }
            token = page.nextToken();
        } while (token != null);
        return rate;
    }

    private static boolean runsPayingByConfiguration(Instance instance) {
        return instance.billingMethod() == BillingMethod.PAY_BY_CONFIGURATION
                && instance.billingState() == BillingState.NORMAL;
    }
}
