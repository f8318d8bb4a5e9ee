package com.edgecloud.billing.wallet;

import com.edgecloud.billing.Ids;
import com.edgecloud.billing.account.Account;
import com.edgecloud.billing.account.RunningConfigurations;
import com.edgecloud.billing.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans the money movements of one transaction against the wallet as read: each charge, credit or
 * grant updates the planned wallet and adds its ledger entry (A3, A4). {@link #change()} is what the
 * store commits. Several movements in one plan (a run paying an account's due bills together) each
 * get their own entry and sequence.
 */
public final class WalletPlan {

    private final Account account;
    private final Instant now;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private Wallet wallet;
    private boolean requiresPurchaseRights;
    private Boolean balanceLowWarned;
    private final Map<String, Long> runningChanges = new TreeMap<>();

    public WalletPlan(Account account, Instant now) {
        this.account = account;
        this.now = now;
        this.wallet = account.wallet();
    }

    public Account account() {
        return account;
    }

    /** A2: what the planned wallet can still pay. */
    public Money available() {
        return wallet.available(now);
    }

    /** A1 is part of the commit's condition: for purchases and renewals. */
    public WalletPlan requirePurchaseRights() {
        account.requireCanPurchase();
        requiresPurchaseRights = true;
        return this;
    }

    /** A3: coupons first, then cash; INSUFFICIENT_BALANCE when the available balance is short. */
    public LedgerEntry charge(Money amount, LedgerEntryType type, String instanceId, String orderId) {
        Charge charge = wallet.plan(amount, now);
        wallet = wallet.apply(charge);
        return record(LedgerEntry.charge(Ids.next("le"), wallet.version(), now, type, charge, instanceId, orderId));
    }

    /**
     * A charge from cash only, coupons untouched: a third-party order's charge, paid by the
     * provider's money credited just before in the same plan (P2). A4: IllegalStateException when
     * cash is short, so plan the credit first.
     */
    public LedgerEntry chargeCash(Money amount, LedgerEntryType type, String instanceId, String orderId) {
        Charge charge = new Charge(amount, amount, List.of());
        wallet = wallet.apply(charge);
        return record(LedgerEntry.charge(Ids.next("le"), wallet.version(), now, type, charge, instanceId, orderId));
    }

    /** Cash in (a recharge). */
    public LedgerEntry credit(Money amount, LedgerEntryType type, String orderId) {
        wallet = wallet.credit(amount);
        return record(LedgerEntry.credit(Ids.next("le"), wallet.version(), now, type, amount, orderId));
    }

    public LedgerEntry grant(Coupon coupon) {
        wallet = wallet.grant(coupon);
        return record(LedgerEntry.couponGrant(Ids.next("le"), wallet.version(), now, coupon));
    }

    /** G7: the low-balance warning is sent ({@code true}) or armed again ({@code false}) with this change. */
    public void markBalanceLowWarned(boolean warned) {
        balanceLowWarned = warned;
    }

    /**
     * G7: a pay-by-configuration instance of this spec starts running (launched, or resumed from
     * OVERDUE) with this change; kept only on an account that keeps its counts ({@link Account#running()}).
     */
    public void startsRunning(String nodeId, String specId) {
        countRunning(nodeId, specId, 1);
    }

    /** G7: a running pay-by-configuration instance of this spec stops (deleted, or OVERDUE) with this change. */
    public void stopsRunning(String nodeId, String specId) {
        countRunning(nodeId, specId, -1);
    }

    private void countRunning(String nodeId, String specId, long change) {
        if (account.running() != null) {
            String key = RunningConfigurations.keyOf(nodeId, specId);
            if (runningChanges.merge(key, change, Long::sum) == 0) {
                runningChanges.remove(key);
            }
        }
    }

    /** G7: the account's running pay-by-configuration instances as this plan leaves them; null when not kept. */
    public RunningConfigurations running() {
        return account.running() == null ? null : account.running().plus(runningChanges);
    }

    private LedgerEntry record(LedgerEntry entry) {
        entries.add(entry);
        return entry;
    }

    /** The movement to commit; the wallet written keeps only coupons still usable (pruned, A2). */
    public WalletChange change() {
        return new WalletChange(account.accountId(), account.wallet().version(), wallet.withoutDeadCoupons(now),
                entries, requiresPurchaseRights, balanceLowWarned, runningChanges);
    }
}
