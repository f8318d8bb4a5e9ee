package com.edgecloud.billing.account;

import java.util.Map;
import java.util.TreeMap;

/**
 * G7: how many NORMAL pay-by-configuration instances an account runs, by node and spec, kept on the
 * account item in the same transactions that launch, delete, make OVERDUE or resume them (issue 19:
 * the hourly run prices them from this instead of a query of the account's instances). Counts only:
 * the prices are read from the catalog when the rate is wanted, so a price change moves no account.
 */
public record RunningConfigurations(Map<String, Long> bySpec) {

    public static final RunningConfigurations NONE = new RunningConfigurations(Map.of());

    public RunningConfigurations {
        bySpec = Map.copyOf(bySpec);
    }

    /** The key of a spec on a node, as stored. */
    public static String keyOf(String nodeId, String specId) {
        return nodeId + "/" + specId;
    }

    public static String nodeOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    public static String specOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    /** These counts with {@code changes} (by key, positive or negative) added; zeros are dropped. */
    public RunningConfigurations plus(Map<String, Long> changes) {
        Map<String, Long> after = new TreeMap<>(bySpec);
        changes.forEach((key, change) -> after.merge(key, change, Long::sum));
        after.values().removeIf(count -> count == 0);
        return new RunningConfigurations(after);
    }
}
