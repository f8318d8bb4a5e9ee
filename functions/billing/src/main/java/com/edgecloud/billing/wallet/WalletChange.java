package com.edgecloud.billing.wallet;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one money movement does to one account's wallet, planned from the wallet read at
 * {@code fromVersion}: the wallet after it and the ledger entries it records (A4), entry i at
 * sequence {@code fromVersion + i + 1}. Committed in one transaction only if the wallet is still
 * at {@code fromVersion} and, when {@code requiresPurchaseRights}, the account still activated and
 * verified (A1), so an account deactivated between plan and commit is not charged.
 * With no entries it is a check that the wallet did not move (G1 read the balance).
 * {@code balanceLowWarned}, when not null, is G7's warning state written with it (changed from
 * its opposite, so two writers racing on one wallet version cannot both send the warning).
 * {@code runningChanges}: G7, the account's running pay-by-configuration instances added (or, negative,
 * taken away) by spec key with it; written as increments, so changes racing on one version add up.
 */
public record WalletChange(String accountId, long fromVersion, Wallet after, List<LedgerEntry> entries,
                           boolean requiresPurchaseRights, Boolean balanceLowWarned, Map<String, Long> runningChanges) {

    public WalletChange(String accountId, long fromVersion, Wallet after, List<LedgerEntry> entries,
                        boolean requiresPurchaseRights) {
        this(accountId, fromVersion, after, entries, requiresPurchaseRights, null, Map.of());
    }

    public WalletChange {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(after, "after");
        entries = List.copyOf(entries);
        runningChanges = Map.copyOf(runningChanges);
        if (after.version() != fromVersion + entries.size()) {
            throw new IllegalArgumentException("wallet version " + after.version() + " after " + entries.size()
                    + " entries from " + fromVersion);
        }
    }

    public boolean movesMoney() {
        return !entries.isEmpty();
    }

    /** Whether the account item is written (money moved, or G7's state or counts changed), not only checked. */
    public boolean writesAccount() {
        return movesMoney() || balanceLowWarned != null || !runningChanges.isEmpty();
    }
}
