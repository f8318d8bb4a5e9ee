package com.edgecloud.billing.instance;

import com.edgecloud.billing.Page;

public interface TermRepository {

    /** An instance's terms, oldest first. */
    Page<Term> list(String instanceId, int limit, String nextToken);
}
