package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.edgecloud.billing.account.Contact;
import com.edgecloud.billing.account.Verification;
import com.edgecloud.billing.dynamodb.DynamoAccountRepository;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;

/** AdminFunction without a framework: PUT /admin/accounts/{id} (the profile). */
public class BareAdminHandler extends BareHttp {

    private final DynamoAccountRepository accounts = new DynamoAccountRepository(dynamo, tables);
    private final Clock clock = Clock.systemUTC();

    @Override
    protected Object handle(APIGatewayV2HTTPEvent event) throws Exception {
        if (!isAdmin(event)) {
            throw new BillingException(ErrorCode.FORBIDDEN, "admin only");
        }
        String id = event.getPathParameters().get("id");
        JsonNode in = json.readTree(event.getBody());
        JsonNode c = in.get("contact");
        Contact contact = c == null || c.isNull() ? null
                : new Contact(text(c, "name"), text(c, "phone"), text(c, "email"));
        Instant now = clock.instant();
        return views.account(accounts.saveProfile(id, in.get("activated").asBoolean(),
                Verification.valueOf(in.get("verification").asText()), contact, now), now);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
