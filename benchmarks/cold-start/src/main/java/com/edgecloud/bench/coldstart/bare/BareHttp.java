package com.edgecloud.bench.coldstart.bare;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.edgecloud.billing.dynamodb.TableNames;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.ErrorCode;
import com.edgecloud.billing.time.ExpiryCalendar;
import com.edgecloud.billing.dynamodb.DynamoBillRepository;
import com.edgecloud.billing.dynamodb.DynamoCatalogRepository;
import com.edgecloud.billing.dynamodb.DynamoInstanceRepository;
import com.edgecloud.billing.metering.BalanceForecast;
import com.edgecloud.http.Views;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The "bare" side of the cold-start comparison: an HTTP function without any framework. It builds
 * the same DynamoDB client as {@code DynamoDbFactory}, the same repositories and {@link Views}
 * by hand, reads the caller from the authorizer's claims, and writes the answer with plain
 * Jackson. Validation and error mapping are reduced to what the sample events need: this is
 * the yardstick, not a second implementation.
 */
public abstract class BareHttp implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    protected final DynamoDbClient dynamo = BareAws.dynamoDbClient();
    protected final TableNames tables = TableNames.from(System.getenv());
    protected final ExpiryCalendar calendar = new ExpiryCalendar(ZoneId.of(env("BILLING_ZONE", "Asia/Shanghai")));
    protected final Views views = new Views(calendar, new DynamoBillRepository(dynamo, tables),
            new BalanceForecast(new DynamoInstanceRepository(dynamo, tables),
                    new DynamoCatalogRepository(dynamo, tables)));
    protected final ObjectMapper json = new ObjectMapper();

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return answer(200, handle(event));
        } catch (BillingException e) {
            int status = e.code() == ErrorCode.NOT_FOUND ? 404 : e.code() == ErrorCode.FORBIDDEN ? 403 : 400;
            return answer(status, Map.of("code", e.code().name(), "detail", e.detail()));
        } catch (NoCaller e) {
            return answer(401, Map.of("code", "UNAUTHENTICATED", "detail", "no caller"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected abstract Object handle(APIGatewayV2HTTPEvent event) throws Exception;

    protected APIGatewayV2HTTPResponse answer(int status, Object body) {
        try {
            return json(status, body instanceof String s ? s : json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static APIGatewayV2HTTPResponse json(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).build();
    }

    /** The caller's account: the JWT authorizer's {@code sub}. */
    protected static String caller(APIGatewayV2HTTPEvent event) {
        return claims(event).get("sub");
    }

    protected static boolean isAdmin(APIGatewayV2HTTPEvent event) {
        String roles = claims(event).get("roles");
        return roles != null && roles.contains("admin");
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var authorizer = event.getRequestContext().getAuthorizer();
        if (authorizer == null || authorizer.getJwt() == null || authorizer.getJwt().getClaims() == null) {
            throw new NoCaller();
        }
        return authorizer.getJwt().getClaims();
    }

    protected static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    static String env(String name, String otherwise) {
        return BareAws.env(name, otherwise);
    }

    private static final class NoCaller extends RuntimeException {
    }
}
