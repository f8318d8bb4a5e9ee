package com.edgecloud.billing.metering;

import com.edgecloud.billing.money.Money;
import java.time.Instant;

/**
 * G2: a usage bill of a pay-by-configuration instance for the seconds metered in
 * [{@code periodStart}, {@code periodEnd}). Its id is fixed by (instance, period start), so the
 * same bill can never be issued twice.
 */
public record Bill(String id, String instanceId, String accountId, Instant periodStart, Instant periodEnd,
                   long seconds, Money amount, BillStatus status) {

    public static String idOf(String instanceId, Instant periodStart) {
        return "bill-" + instanceId + "-" + periodStart.getEpochSecond();
    }

    /** G5: this bill settled. */
    public Bill paid() {
        return new Bill(id, instanceId, accountId, periodStart, periodEnd, seconds, amount, BillStatus.PAID);
    }
}
