package com.edgecloud.billing.dynamodb;

import com.edgecloud.billing.instance.Term;
import com.edgecloud.billing.time.ApiTime;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Items of the Terms table: partition {@code instanceId}, sort key {@code sk} = the term's start
 * (fixed-width UTC), so a query lists an instance's terms oldest first. Terms chain (R2), so two
 * terms of one instance never start at the same instant; a put is conditional on the key being new.
 */
final class TermItems {


    private TermItems() {
    }

    static Map<String, AttributeValue> item(Term t) {
        return Attr.item()
                .s("instanceId", t.instanceId()).s("sk", ApiTime.storage(t.termStartsAt()))
                .s("accountId", t.accountId())
                .instant("termStartsAt", t.termStartsAt()).instant("expiresAt", t.expiresAt())
                .s("durationUnit", t.duration().unit()).n("durationCount", t.duration().count())
                .fen("amountFen", t.amount())
                .s("orderId", t.orderId()).s("renewalId", t.renewalId())
                .build();
    }

    static Put newPut(String table, Term term) {
        return Put.builder().tableName(table).item(item(term))
                .conditionExpression("attribute_not_exists(sk)").build();
    }

    /** Adds the new term to a transaction; {@code whenExists}: what a term already there means. */
    static void add(Transaction tx, TableNames tables, Term term, java.util.function.Supplier<RuntimeException> whenExists) {
        tx.add(TransactWriteItem.builder().put(newPut(tables.terms(), term)).build(), whenExists);
    }

    static Term toTerm(Item item) {
        return new Term(item.s("instanceId"), item.s("accountId"), item.instant("termStartsAt"),
                item.instant("expiresAt"), new TermDuration(item.enumValue("durationUnit", DurationUnit.class),
                (int) item.n("durationCount", 0)), item.fen("amountFen"), item.s("orderId"), item.s("renewalId"));
    }
}
