package com.edgecloud.billing.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void fieldsAreLengthPrefixedSoNoValueCanImitateTwo_S9() {
        assertEquals("purchase|nodeId=3:n-1;specId=-;", Canonical.of("purchase").with("nodeId", "n-1").with("specId", null).form());
        assertNotEquals(Canonical.of("op").with("a", "x;b=1:y").with("b", null).form(),
                Canonical.of("op").with("a", "x").with("b", "y").form());
        assertNotEquals(Canonical.of("op").with("a", "").form(), Canonical.of("op").with("a", null).form());
    }
}
