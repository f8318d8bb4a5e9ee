package com.edgecloud.runtime;

import io.micronaut.context.ApplicationContextBuilder;
import java.util.Map;

/**
 * How a function's handler builds its own context in AWS (tests and the local server build theirs).
 * Cold start: benchmarks/README.md, "Cold start".
 * <ul>
 * <li>Environments are named, not deduced: the Lambda builder already sets {@code function} and
 * {@code lambda}; deduction would only probe the machine for more.</li>
 * <li>No bootstrap context: nothing here reads {@code bootstrap.*}.</li>
 * <li>Singletons are created eagerly only when the context will be snapshotted (SnapStart:
 * they, and the priming, land in the snapshot). On an ordinary cold start a bean is created
 * when a request first needs it, and the beans no request needs are never created.</li>
 * <li>Only then are CRaC resources registered: the priming ({@code SnapStartPriming}) that runs
 * before the snapshot is taken.</li>
 * </ul>
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
        return builder
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .bootstrapEnvironment(false)
                .eagerInitSingletons(snapshot)
                .eagerInitConfiguration(snapshot)
                // micronaut-crac registers its resources only for a snapshot; otherwise it is left out of the start
                .properties(Map.of(SNAPSHOT, snapshot, "crac.enabled", snapshot));
    }

    public static boolean isSnapStart(Map<String, String> env) {
        return "snap-start".equals(env.get(INITIALIZATION_TYPE));
    }
}
