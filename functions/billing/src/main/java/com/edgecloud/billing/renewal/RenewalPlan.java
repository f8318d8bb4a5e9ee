package com.edgecloud.billing.renewal;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.OperationRecord;
import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.notify.OutboxMessage;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;

/**
 * Everything a renewal writes, decided before anything is written, committed all or nothing:
 * the charge (R1, A3), the new term (R2), the instance as renewed (R3, E4) written over
 * {@code changed.version()}, the operation record, and the notifications it causes (R4's
 * AUTO_RENEWED; none for an owner's renewal).
 */
public record RenewalPlan(String renewalId, Instance changed, Term term, WalletChange wallet,
                          OperationRecord operation, Money charged, List<OutboxMessage> messages) {

    public RenewalPlan {
        messages = List.copyOf(messages);
    }

    /** The same renewal telling of itself with {@code notices}. */
    public RenewalPlan notifying(List<OutboxMessage> notices) {
        return new RenewalPlan(renewalId, changed, term, wallet, operation, charged, notices);
    }

    /** The instance as stored after the commit. */
    public Instance renewed() {
        return changed.next();
    }
}
