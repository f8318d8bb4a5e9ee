package com.edgecloud.runtime;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.Map;

/**
 * How a function's handler builds its own context in AWS (tests and the local server build theirs):
 * as micronaut-function-aws does (eager singletons, environments {@code function} and
 * {@code lambda}), plus the CRaC resources, among them the SnapStart priming, only when Lambda
 * initialises the function for a snapshot. Lazy singletons and switching off environment
 * deduction were measured and changed nothing (docs/decisions.md, "Measured decisions").
 */
public final class FunctionContexts {

    /** True in a context built for a SnapStart snapshot: its priming resources exist only then. */
    public static final String SNAPSHOT = "billing.snapshot";

    /** Set by Lambda during the init phase of a function version published with SnapStart. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private FunctionContexts() {
    }

    public static ApplicationContextBuilder tune(ApplicationContextBuilder builder) {
        boolean snapshot = isSnapStart(System.getenv());
        return builder.properties(Map.of(SNAPSHOT, snapshot, "crac.enabled", snapshot));
    }

    public static boolean isSnapStart(Map<String, String> env) {
        return "snap-start".equals(env.get(INITIALIZATION_TYPE));
    }
}
