package com.edgecloud.billing.renewal;

import com.edgecloud.billing.ConcurrentUpdateException;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.instance.AutoRenewal;
import com.edgecloud.billing.instance.Due;
import com.edgecloud.billing.instance.Instance;
import com.edgecloud.billing.instance.InstanceRepository;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.lifecycle.BillingState;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.billing.wallet.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R4: the owner turns auto-renewal of a monthly package on or off, while it is NORMAL. The setting
 * is written over the instance's version (retried from a fresh read), so it is ordered with the
 * sweep's and the owner's renewals and never lost.
 */
public final class AutoRenewalSettings {

    private final InstanceRepository instances;
    private final RetryPolicy retry;
    private final Clock clock;

    public AutoRenewalSettings(InstanceRepository instances, RetryPolicy retry, Clock clock) {
        this.instances = instances;
        this.retry = retry;
        this.clock = clock;
    }

    /** The caller's instance's setting (another account's instance is NOT_FOUND, SPEC §9). */
    public AutoRenewal of(String accountId, String instanceId) {
        return instances.findOwned(accountId, instanceId).autoRenewal();
    }

    /** Sets it; {@code duration} is required when {@code enabled} (the request checked it, P1). */
    public AutoRenewal set(String accountId, String instanceId, boolean enabled, TermDuration duration) {
        for (int attempt = 1; ; attempt++) {
            Instance before = instances.findOwned(accountId, instanceId);
            requireSettable(before);
            AutoRenewal setting = before.autoRenewal().withSetting(enabled, duration);
            Instance changed = before.withAutoRenewal(setting)
                    .withDue(dueWith(before, setting, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
            if (changed.equals(before)) {
                return setting; // the same setting again: nothing to write
            }
            try {
                instances.update(changed);
                return setting;
            } catch (ConcurrentUpdateException moved) {
                retry.backOffAfter(attempt, "instance " + instanceId);
            }
        }
    }

    /** R4: only a monthly package, only while NORMAL; otherwise 409 as E2, naming the rule. */
    private static void requireSettable(Instance i) {
        if (i.billingMethod() == BillingMethod.MONTHLY_PACKAGE && i.billingState() == BillingState.NORMAL) {
            return;
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("billingState", i.billingState().name());
        ext.put("rule", "R4");
        throw new BillingException(ErrorCode.OPERATION_NOT_ALLOWED, "Cannot set auto-renewal of a "
                + (i.billingMethod() == BillingMethod.MONTHLY_PACKAGE ? "monthly-package" : "pay-by-configuration")
                + " instance in billing state " + i.billingState().name()
                + ": only a monthly-package instance in state NORMAL has auto-renewal (R4).", ext);
    }

    /**
     * R4: enabled inside its window (72 h before expiry or later), the instance must be due now, not
     * at its next warning; everything before its due mark is handled, so moving the mark earlier
     * skips nothing. Disabled, or enabled before the window, the mark stays (the 72-hour point is
     * E4's 3-day point, a due point already).
     */
    private static Due dueWith(Instance before, AutoRenewal setting, Instant now) {
        Due due = before.due();
        if (!setting.enabled()) {
            return due;
        }
        Instant renewalPoint = AutoRenewal.startsAt(before.expiresAt());
        Instant wanted = renewalPoint.isAfter(now) ? renewalPoint : now;
        if (due != null && !due.at().isAfter(wanted)) {
            return due;
        }
        return Due.of(Due.Kind.EXPIRY, before.id(), wanted);
    }
}
