package com.edgecloud.billing.metering;

import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.wallet.WalletChange;
import java.util.List;

/** G5: one settlement's writes, all or nothing. */
public interface ArrearsStore {

    /**
     * The wallet change paying the bills, each bill UNPAID → PAID (only if still UNPAID), and the
     * instances back to NORMAL under their versions; ConcurrentUpdateException when any moved.
     */
    void settle(WalletChange wallet, List<Bill> paid, List<Instance> resumed);
}
