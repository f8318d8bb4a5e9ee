package com.edgecloud.billing.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.money.Money;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Items of the Terms table: partition {@code instanceId}, sort key {@code sk} = the term's start
 * (fixed-width UTC), so a query lists an instance's terms oldest first. Terms chain (R2), so two
 * terms of one instance never start at the same instant; a put is conditional on the key being new.
 */
final class TermItems {

    private static final ItemSchema<Term> S = ItemSchema.of(Term.class);
    static final Column<String> INSTANCE = S.text("instanceId", Term::instanceId, primaryPartitionKey());
    static final Column<String> SK = S.text("sk", t -> ApiTime.storage(t.termStartsAt()), primarySortKey());
    static final Column<String> ACCOUNT = S.text("accountId", Term::accountId);
    static final Column<Instant> STARTS_AT = S.instant("termStartsAt", Term::termStartsAt);
    static final Column<Instant> EXPIRES_AT = S.instant("expiresAt", Term::expiresAt);
    static final Column<DurationUnit> UNIT = S.enumerated("durationUnit", DurationUnit.class, t -> t.duration().unit());
    static final Column<Integer> COUNT = S.integer("durationCount", t -> t.duration().count());
    static final Column<Money> AMOUNT = S.fen("amountFen", Term::amount);
    static final Column<String> ORDER = S.text("orderId", Term::orderId);
    static final Column<String> RENEWAL = S.text("renewalId", Term::renewalId);

    static final TableSchema<Term> SCHEMA = S.build(row -> new Term(row.get(INSTANCE), row.get(ACCOUNT),
            row.get(STARTS_AT), row.get(EXPIRES_AT), new TermDuration(row.get(UNIT), row.get(COUNT, 0)),
            row.get(AMOUNT), row.get(ORDER), row.get(RENEWAL)));

    static final Expression IS_NEW = Expression.builder().expression("attribute_not_exists(" + SK.name() + ")").build();

    private TermItems() {
    }

    /** Adds the new term to a transaction; {@code whenExists}: what a term already there means. */
    static void add(Transaction tx, TypedTables tables, Term term, Supplier<RuntimeException> whenExists) {
        tx.put(tables.terms(), term, IS_NEW, whenExists);
    }
}
