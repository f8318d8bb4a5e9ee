package com.edgecloud.billing.dynamodb;

import java.util.Map;

/**
 * The physical names of the tables. In AWS they come from the template's environment
 * variables (one per table, set with !Ref); locally they default to the logical names.
 */
public record TableNames(String accounts, String wallet, String catalog, String orders,
                         String instances, String idempotency, String outbox, String terms, String operations,
                         String bills, String payments, String messages, String deliveries) {

    public static final String ACCOUNTS_ENV = "ACCOUNTS_TABLE";
    public static final String WALLET_ENV = "WALLET_TABLE";
    public static final String CATALOG_ENV = "CATALOG_TABLE";
    public static final String ORDERS_ENV = "ORDERS_TABLE";
    public static final String INSTANCES_ENV = "INSTANCES_TABLE";
    public static final String IDEMPOTENCY_ENV = "IDEMPOTENCY_TABLE";
    public static final String OUTBOX_ENV = "OUTBOX_TABLE";
    public static final String TERMS_ENV = "TERMS_TABLE";
    public static final String OPERATIONS_ENV = "OPERATIONS_TABLE";
    public static final String BILLS_ENV = "BILLS_TABLE";
    public static final String PAYMENTS_ENV = "PAYMENTS_TABLE";
    public static final String MESSAGES_ENV = "MESSAGES_TABLE";
    public static final String DELIVERIES_ENV = "DELIVERIES_TABLE";

    public static TableNames defaults() {
        return new TableNames("Accounts", "Wallet", "Catalog", "Orders", "Instances", "Idempotency", "Outbox",
                "Terms", "Operations", "Bills", "Payments", "Messages", "Deliveries");
    }

    /** Each name from its environment variable when set, else the default. */
    public static TableNames from(Map<String, String> env) {
        TableNames d = defaults();
        return new TableNames(
                env.getOrDefault(ACCOUNTS_ENV, d.accounts),
                env.getOrDefault(WALLET_ENV, d.wallet),
                env.getOrDefault(CATALOG_ENV, d.catalog),
                env.getOrDefault(ORDERS_ENV, d.orders),
                env.getOrDefault(INSTANCES_ENV, d.instances),
                env.getOrDefault(IDEMPOTENCY_ENV, d.idempotency),
                env.getOrDefault(OUTBOX_ENV, d.outbox),
                env.getOrDefault(TERMS_ENV, d.terms),
                env.getOrDefault(OPERATIONS_ENV, d.operations),
                env.getOrDefault(BILLS_ENV, d.bills),
                env.getOrDefault(PAYMENTS_ENV, d.payments),
                env.getOrDefault(MESSAGES_ENV, d.messages),
                env.getOrDefault(DELIVERIES_ENV, d.deliveries));
    }
}
