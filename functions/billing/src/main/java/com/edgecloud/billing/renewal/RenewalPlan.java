package com.edgecloud.billing.renewal;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.wallet.WalletChange;

/**
 * Everything a renewal writes, decided before anything is written, committed all or nothing:
 * the charge (R1, A3), the new term (R2), the instance as renewed (R3, E4) written over
 * {@code changed.version()}, and the operation record.
 */
public record RenewalPlan(String renewalId, Instance changed, Term term, WalletChange wallet,
                          OperationRecord operation, Money charged) {

    /** The instance as stored after the commit. */
    public Instance renewed() {
        return changed.next();
    }
}
