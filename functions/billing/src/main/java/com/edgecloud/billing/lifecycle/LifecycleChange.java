package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.metering.Bill;
import com.edgecloud.billing.notify.OutboxMessage;
import java.util.List;

/**
 * One instance's state change as the system makes it: the instance written under the version it
 * was read at ({@code after.version()}), the bills it issues, the notifications it causes (N2) and
 * whether it returns the server to stock (C2). Committed in one transaction with the wallet change
 * that pays the bills.
 */
public record LifecycleChange(Instance after, List<Bill> bills, List<OutboxMessage> messages, boolean returnsStock) {

    public LifecycleChange {
        bills = List.copyOf(bills);
        messages = List.copyOf(messages);
    }

    /** Transaction items it takes, the wallet's aside: instance, bills, messages, stock. */
    public int items() {
        return 1 + bills.size() + messages.size() + (returnsStock ? 1 : 0);
    }
}
