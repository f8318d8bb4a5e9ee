package com.edgecloud.billing.metering;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.metering.BalanceForecast.Forecast;
import com.edgecloud.billing.notify.OutboxMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * G7: after an hourly run's bills, an account whose available balance no longer covers the cover
 * threshold (24 h by configuration) at its current rate gets one BALANCE_LOW. The account keeps
 * whether it was warned; the warning is armed again only once a run finds the balance at or above
 * the threshold (after a recharge, a coupon, instances deleted or a price cut). Both the state and
 * the message go in the run's own transaction with its wallet change (N2).
 */
public final class LowBalanceWarning {

    private final BalanceForecast forecast;
    private final Duration cover;

    public LowBalanceWarning(BalanceForecast forecast, Duration cover) {
        this.forecast = forecast;
        this.cover = cover;
    }

    /** Plans the warning or its re-arming into {@code batch}, from the balance and instances it leaves. */
    void plan(UsageBatch batch, SpecPrices prices, Instant now) {
        Account account = batch.wallet().account();
        Forecast after = new Forecast(batch.wallet().available(),
                forecast.hourlyRate(batch.wallet(), batch.changedInstances(), prices, now), now);
        boolean low = !after.covers(cover);
        if (low && !account.balanceLowWarned()) {
            batch.wallet().markBalanceLowWarned(true);
            batch.notify(OutboxMessage.balanceLow(Ids.next("msg"), account.accountId(), after.available(),
                    after.coversUntil(), now));
        } else if (!low && account.balanceLowWarned()) {
            batch.wallet().markBalanceLowWarned(false);
        }
    }
}
