package com.edgecloud.billing.purchase;

import com.edgecloud.billing.idempotency.IdempotentCompletion;
import com.edgecloud.billing.instance.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface PurchaseStore {

    /**
     * Writes the plan and its idempotent answer atomically: stock taken only if enough is
     * left (C2), the node still open (C1), the wallet and coupons only if unchanged since
     * read. Throws {@link com.edgecloud.billing.ConcurrentUpdateException} when they changed
     * (plan again), or the refusal when stock ran out or the node closed meanwhile.
     *
     * @return how many of the plan's instances the commit wrote (the first ones)
     */
    int commit(PurchasePlan plan, IdempotentCompletion completion);

    /** Writes instances of a committed order, and their first terms, that are not written yet; safe to repeat. */
    void materialize(Order order, List<Instance> instances);

    Optional<Order> findOrder(String orderId);

    /**
     * Ids of paid orders whose instances did not all fit the commit's transaction and are not all
     * written yet (their due mark is set in the commit, cleared once {@link #materialize} wrote the
     * rest): the expiry sweep completes them, so a crash in between never leaves an order short.
     */
    List<String> incompleteOrders(String bucket, Instant now, int limit);
}
