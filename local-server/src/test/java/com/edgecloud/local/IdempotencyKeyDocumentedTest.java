package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 17, SPEC §9: the API document requires an Idempotency-Key exactly on the calls that move
 * money, change an instance or grant something, and on no PUT and not on marking a message read,
 * where a repeat is harmless by nature. The handlers' refusals without one are tested per function.
 */
class IdempotencyKeyDocumentedTest {

    private static final Set<String> MOVE_MONEY_CHANGE_AN_INSTANCE_OR_GRANT = Set.of("purchaseInstances",
            "renewInstance", "startInstance", "stopInstance", "reinstallInstance", "deleteInstance",
            "rechargeAccount", "grantCoupon");

    @Test
    void theKeyIsRequiredExactlyWhereARepeatWouldMoveMoneyChangeAnInstanceOrGrant_S9() {
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        operations().forEach((operationId, operation) -> {
            Object parameters = operation.get("parameters");
            for (Object parameter : parameters == null ? List.of() : (List<?>) parameters) {
                Map<?, ?> p = (Map<?, ?>) parameter;
                if ("Idempotency-Key".equals(p.get("name")) && "header".equals(p.get("in"))) {
                    (Boolean.TRUE.equals(p.get("required")) ? required : optional).add(operationId);
                }
            }
        });

        // so no PUT (putAccount, putNode, putSpec, putAutoRenewal, putMessageSettings) and not markMessageRead
        assertEquals(new TreeSet<>(MOVE_MONEY_CHANGE_AN_INSTANCE_OR_GRANT), required);
        assertEquals(Set.of(), optional, "where the key is documented, it is required");
    }

    /** Every operation of the document, by operation id. */
    private static Map<String, Map<?, ?>> operations() {
        String document = LocalOpenApiController.read();
        assertNotNull(document, "no " + ApiDocument.RESOURCE + ": micronaut-openapi did not run in local-server");
        Map<?, ?> paths = (Map<?, ?>) ((Map<?, ?>) new Yaml().load(document)).get("paths");
        Map<String, Map<?, ?>> byId = new TreeMap<>();
        paths.values().forEach(item -> ((Map<?, ?>) item).values().forEach(operation -> {
            if (operation instanceof Map<?, ?> op && op.get("operationId") != null) {
                byId.put((String) op.get("operationId"), op);
            }
        }));
        return byId;
    }
}
