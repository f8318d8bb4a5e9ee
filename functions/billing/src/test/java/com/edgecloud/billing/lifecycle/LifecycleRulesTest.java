package com.edgecloud.billing.lifecycle;

import static com.edgecloud.billing.lifecycle.BillingMethod.MONTHLY_PACKAGE;
import static com.edgecloud.billing.lifecycle.BillingMethod.PAY_BY_CONFIGURATION;
import static com.edgecloud.billing.lifecycle.BillingState.EXPIRED;
import static com.edgecloud.billing.lifecycle.BillingState.NORMAL;
import static com.edgecloud.billing.lifecycle.BillingState.OVERDUE;
import static com.edgecloud.billing.lifecycle.BillingState.RELEASED;
import static com.edgecloud.billing.lifecycle.InstanceOperation.DELETE;
import static com.edgecloud.billing.lifecycle.InstanceOperation.REINSTALL;
import static com.edgecloud.billing.lifecycle.InstanceOperation.RENEW;
import static com.edgecloud.billing.lifecycle.InstanceOperation.START;
import static com.edgecloud.billing.lifecycle.InstanceOperation.STOP;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleRulesTest {

    private static final boolean Y = true;
    private static final boolean N = false;

    /**
     * E2 written out in full: method, state, then START, STOP, REINSTALL, RENEW, DELETE.
     * EXPIRED pay-by-config and OVERDUE monthly never occur (E1); they allow nothing.
     */
    private static final Object[][] E2 = {
            {MONTHLY_PACKAGE, NORMAL, Y, Y, Y, Y, N},
            {MONTHLY_PACKAGE, EXPIRED, N, N, N, Y, N},
            {MONTHLY_PACKAGE, OVERDUE, N, N, N, N, N},
            {MONTHLY_PACKAGE, RELEASED, N, N, N, N, N},
            {PAY_BY_CONFIGURATION, NORMAL, Y, Y, Y, N, Y},
            {PAY_BY_CONFIGURATION, EXPIRED, N, N, N, N, N},
            {PAY_BY_CONFIGURATION, OVERDUE, N, N, N, N, Y},
            {PAY_BY_CONFIGURATION, RELEASED, N, N, N, N, N},
    };

    private static final InstanceOperation[] COLUMNS = {START, STOP, REINSTALL, RENEW, DELETE};

    static Stream<Arguments> e2Table() {
        List<Arguments> rows = new ArrayList<>();
        for (Object[] row : E2) {
            for (int i = 0; i < COLUMNS.length; i++) {
                rows.add(Arguments.of(row[0], row[1], COLUMNS[i], row[2 + i]));
            }
        }
        return rows.stream();
    }

    @Test
    void billingAndPowerStatesAreExactlyE1sAndReleasedIsFinal_E1() {
        assertEquals(List.of(NORMAL, EXPIRED, OVERDUE, RELEASED), List.of(BillingState.values()));
        assertEquals(List.of("RUNNING", "STOPPED"),
                Arrays.stream(PowerState.values()).map(Enum::name).toList());
        for (BillingMethod m : BillingMethod.values()) {
            for (InstanceOperation op : InstanceOperation.values()) {
                assertFalse(LifecycleRules.allows(m, RELEASED, op), m + " " + op + " on a released server");
            }
        }
    }

    @Test
    void tableCoversEveryMethodStateAndOperation_E2() {
        assertEquals(BillingMethod.values().length * BillingState.values().length * InstanceOperation.values().length,
                e2Table().count());
        assertEquals(40, e2Table().map(a -> List.of(a.get()[0], a.get()[1], a.get()[2])).distinct().count());
    }

    @ParameterizedTest(name = "{0} {1} {2} allowed={3}")
    @MethodSource("e2Table")
    void allowsExactlyTheE2Table_E2(BillingMethod m, BillingState s, InstanceOperation op, boolean allowed) {
        assertEquals(allowed, LifecycleRules.allows(m, s, op));
        if (allowed) {
            assertDoesNotThrow(() -> LifecycleRules.require(m, s, op));
        } else {
            BillingException e = assertThrows(BillingException.class, () -> LifecycleRules.require(m, s, op));
            assertEquals(ErrorCode.OPERATION_NOT_ALLOWED, e.code());
            assertEquals(s.name(), e.extensions().get("billingState"));
            assertEquals(LifecycleRules.ruleFor(m, s, op), e.extensions().get("rule"));
            assertEquals(List.of("billingState", "rule"), List.copyOf(e.extensions().keySet()));
            assertTrue(e.detail().contains(s.name()), e.detail());
            assertTrue(e.detail().contains(op.name().toLowerCase()), e.detail());
            assertTrue(e.detail().contains("(" + e.extensions().get("rule") + ")"), e.detail());
        }
    }

    @Test
    void deletingMonthlyPackageBeforeExpiryCitesP4_P4() {
        BillingException e = assertThrows(BillingException.class,
                () -> LifecycleRules.require(MONTHLY_PACKAGE, NORMAL, DELETE));
        assertEquals(Map.of("billingState", "NORMAL", "rule", "P4"), e.extensions());
        BillingException expired = assertThrows(BillingException.class,
                () -> LifecycleRules.require(MONTHLY_PACKAGE, EXPIRED, DELETE));
        assertEquals("P4", expired.extensions().get("rule"));
    }

    @Test
    void renewingPayByConfigurationOrReleasedCitesR1_R1() {
        assertEquals("R1", assertThrows(BillingException.class,
                () -> LifecycleRules.require(PAY_BY_CONFIGURATION, NORMAL, RENEW)).extensions().get("rule"));
        BillingException released = assertThrows(BillingException.class,
                () -> LifecycleRules.require(MONTHLY_PACKAGE, RELEASED, RENEW));
        assertEquals(Map.of("billingState", "RELEASED", "rule", "R1"), released.extensions());
    }

    @Test
    void powerOperationsOutsideNormalCiteE2_E2() {
        BillingException e = assertThrows(BillingException.class,
                () -> LifecycleRules.require(MONTHLY_PACKAGE, EXPIRED, START));
        assertEquals(Map.of("billingState", "EXPIRED", "rule", "E2"), e.extensions());
        assertEquals("E2", assertThrows(BillingException.class,
                () -> LifecycleRules.require(PAY_BY_CONFIGURATION, OVERDUE, REINSTALL)).extensions().get("rule"));
        assertEquals("E2", assertThrows(BillingException.class,
                () -> LifecycleRules.require(PAY_BY_CONFIGURATION, RELEASED, DELETE)).extensions().get("rule"));
    }

    @Test
    void refusalExtensionsAreUnmodifiable_E2() {
        BillingException e = assertThrows(BillingException.class,
                () -> LifecycleRules.require(MONTHLY_PACKAGE, RELEASED, STOP));
        assertThrows(UnsupportedOperationException.class, () -> e.extensions().put("rule", "x"));
    }
}
