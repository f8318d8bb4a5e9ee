package com.edgecloud.billing.lifecycle;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** E2 as code: the single place that decides which operation a billing state allows. */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    /** E2 table; combinations E1 never produces (EXPIRED pay-by-config, OVERDUE monthly) allow nothing. */
    public static boolean allows(BillingMethod m, BillingState s, InstanceOperation op) {
        Objects.requireNonNull(m, "billingMethod");
        Objects.requireNonNull(s, "billingState");
        Objects.requireNonNull(op, "operation");
        return switch (op) {
            // E2: power operations only while NORMAL.
            case START, STOP, REINSTALL -> s == BillingState.NORMAL;
            // R1: only a monthly package, while NORMAL or EXPIRED.
            case RENEW -> m == BillingMethod.MONTHLY_PACKAGE
                    && (s == BillingState.NORMAL || s == BillingState.EXPIRED);
            // P4: never a monthly package; G6: pay-by-config while NORMAL or OVERDUE.
            case DELETE -> m == BillingMethod.PAY_BY_CONFIGURATION
                    && (s == BillingState.NORMAL || s == BillingState.OVERDUE);
        };
    }

    /** The rule id that governs op in this state, cited when it is refused: "R1", "P4" or "E2". */
    public static String ruleFor(BillingMethod m, BillingState s, InstanceOperation op) {
        if (op == InstanceOperation.RENEW) {
            return "R1";
        }
        if (op == InstanceOperation.DELETE && m == BillingMethod.MONTHLY_PACKAGE
                && (s == BillingState.NORMAL || s == BillingState.EXPIRED)) {
            return "P4";
        }
        return "E2";
    }

    /** E2: refuses with OPERATION_NOT_ALLOWED {billingState, rule}; returns normally when allowed. */
    public static void require(BillingMethod m, BillingState s, InstanceOperation op) {
        if (allows(m, s, op)) {
            return;
        }
        String rule = ruleFor(m, s, op);
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("billingState", s.name());
        ext.put("rule", rule);
        throw new BillingException(ErrorCode.OPERATION_NOT_ALLOWED, explain(m, s, op, rule), ext);
    }

    private static String explain(BillingMethod m, BillingState s, InstanceOperation op, String rule) {
        String reason;
        if (s == BillingState.RELEASED) {
            reason = "a released instance accepts no operation";
        } else if (rule.equals("R1")) {
            reason = "only a monthly-package instance in state NORMAL or EXPIRED can be renewed";
        } else if (rule.equals("P4")) {
            reason = "a monthly-package instance cannot be deleted before expiry and is never refunded";
        } else if (op.isPowerOperation()) {
            reason = "start, stop and reinstall are allowed only in state NORMAL";
        } else {
            reason = "delete is allowed only for a pay-by-configuration instance in state NORMAL or OVERDUE";
        }
        return "Cannot " + op.name().toLowerCase() + " a " + describe(m) + " instance in billing state "
                + s.name() + ": " + reason + " (" + rule + ").";
    }

    private static String describe(BillingMethod m) {
        return m == BillingMethod.MONTHLY_PACKAGE ? "monthly-package" : "pay-by-configuration";
    }
}
