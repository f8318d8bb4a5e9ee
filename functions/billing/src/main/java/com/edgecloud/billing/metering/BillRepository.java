package com.edgecloud.billing.metering;

import com.edgecloud.billing.Page;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Usage bills, by instance (GET /instances/{id}/bills) and an account's unpaid ones (arrears, G5). */
public interface BillRepository {

    /** The instance's bills, oldest period first. */
    Page<Bill> listByInstance(String instanceId, int limit, String nextToken);

    /** The account's UNPAID bills, oldest period end first (G5 settles them in this order). */
    List<Bill> unpaidByAccount(String accountId);

    /** The bill as stored now (a consistent read; the index above may lag a write). */
    Optional<Bill> find(String instanceId, Instant periodStart);

    /** SPEC §11 GET /account arrears: the sum of the unpaid bills. */
    default Money arrears(String accountId) {
        return Money.sum(unpaidByAccount(accountId).stream().map(Bill::amount).toList());
    }
}
