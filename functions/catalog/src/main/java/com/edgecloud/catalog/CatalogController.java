package com.edgecloud.catalog;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import com.edgecloud.http.Fields;
import io.micronaut.http.MediaType;
import com.edgecloud.http.ListAnswers;
import com.edgecloud.http.ProblemAnswers;
import com.edgecloud.billing.Page;
import com.edgecloud.billing.catalog.CatalogRepository;
import com.edgecloud.billing.catalog.GeoPoint;
import com.edgecloud.billing.catalog.Node;
import com.edgecloud.billing.error.BillingException;
import com.edgecloud.billing.error.FieldError;
import com.edgecloud.billing.lifecycle.BillingMethod;
import com.edgecloud.billing.purchase.PurchaseRequest;
import com.edgecloud.billing.purchase.PurchaseService;
import com.edgecloud.billing.purchase.Quote;
import com.edgecloud.billing.time.DurationUnit;
import com.edgecloud.billing.time.TermDuration;
import com.edgecloud.http.Views;
import com.edgecloud.http.Views.ListView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** C1–C4: the public catalog of edge nodes, their server specifications and price quotes. */
@Controller("/catalog")
public class CatalogController {

    private final CatalogRepository catalog;
    private final PurchaseService purchases;
    private final Views views;

    public CatalogController(CatalogRepository catalog, PurchaseService purchases, Views views) {
        this.catalog = catalog;
        this.purchases = purchases;
        this.views = views;
    }

    /** C3: with {@code near=lat,lon}, nearest first, each with its great-circle distance. */
    @Get("/nodes")
    @Operation(operationId = "listNodes", summary = "List the nodes (nearest first with ?near=lat,lng)", tags = "catalog", security = {})
    @ListAnswers.Nodes
    @ProblemAnswers.BadRequest
    @ProblemAnswers.InternalError
    public ListView<Views.NodeView> nodes(HttpRequest<?> request) {
        String near = near(request);
        if (near == null) {
            return Views.list(new Page<>(catalog.nodes(), null), node -> Views.node(node, null));
        }
        GeoPoint from = point(near);
        List<Views.NodeView> nearestFirst = catalog.nodes().stream()
                .map(node -> new Distant(node, node.distanceKmFrom(from)))
                .sorted(Comparator.comparingDouble(Distant::km))
                .map(d -> Views.node(d.node(), GeoPoint.roundKm(d.km())))
                .toList();
        return new ListView<>(nearestFirst, null);
    }

    @Get("/nodes/{nodeId}/specs")
    @Operation(operationId = "listSpecs", summary = "List a node's specs and prices", tags = "catalog", security = {})
    @ListAnswers.Specs
    @ProblemAnswers.NotFound
    @ProblemAnswers.InternalError
    public ListView<Views.SpecView> specs(@PathVariable String nodeId) {
        catalog.node(nodeId).orElseThrow(() -> BillingException.notFound("node " + nodeId));
        return Views.list(new Page<>(catalog.specs(nodeId), null), Views::spec);
    }

    /** What the README's "Try it" quotes answered on the local server, its clock at 2016-01-01T15:00:00+08:00. */
    static final String MONTHLY_QUOTE_EXAMPLE = """
            {"billingMethod": "MONTHLY_PACKAGE", "quantity": 1, "duration": {"unit": "MONTH", "count": 1},
             "amount": "1000.00", "termStartsAt": "2016-01-01T15:00:00+08:00", "expiresAt": "2016-02-01T23:59:59+08:00"}""";
    static final String PAY_BY_CONFIGURATION_QUOTE_EXAMPLE = """
            {"billingMethod": "PAY_BY_CONFIGURATION", "quantity": 1, "hourly": "2.00", "daily": "48.00",
             "monthly": "1440.00", "launchThreshold": "50.00"}""";

    /** C4: what buying now would cost, by the purchase's own rules; writes nothing. */
    @Get("/nodes/{nodeId}/specs/{specId}/quote{?billingMethod,quantity,unit,count}")
    @Operation(operationId = "quotePurchase", summary = "Quote a purchase before buying (P1, G1)", tags = "catalog", security = {})
    @ApiResponse(responseCode = "200", description = "The price of the purchase",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {MonthlyQuoteView.class, PayByConfigurationQuoteView.class},
                    discriminatorProperty = "billingMethod", discriminatorMapping = {
                            @DiscriminatorMapping(value = "MONTHLY_PACKAGE", schema = MonthlyQuoteView.class),
                            @DiscriminatorMapping(value = "PAY_BY_CONFIGURATION", schema = PayByConfigurationQuoteView.class)}),
                    examples = {
                        @ExampleObject(name = "monthlyPackage", value = MONTHLY_QUOTE_EXAMPLE,
                                summary = "The README's \"Try it\": a month of cps-std-1 asked at 2016-01-01 15:00 (P3)"),
                        @ExampleObject(name = "payByConfiguration", value = PAY_BY_CONFIGURATION_QUOTE_EXAMPLE,
                                summary = "The same spec by the hour (G1): 2.00 an hour, launched from 50.00 available")}))
    @ProblemAnswers.BadRequest
    @ProblemAnswers.NotFound
    @ProblemAnswers.Conflict
    @ProblemAnswers.InternalError
    public Object quote(@Parameter(example = "node-sh-1") @PathVariable String nodeId,
                        @Parameter(example = "cps-std-1") @PathVariable String specId,
                        @Parameter(example = "MONTHLY_PACKAGE", schema = @Schema(type = "string",
                                allowableValues = {"MONTHLY_PACKAGE", "PAY_BY_CONFIGURATION"}))
                        @Nullable @QueryValue String billingMethod,
                        @Parameter(example = "1", description = "1 to " + PurchaseRequest.MAX_QUANTITY + ", default 1",
                                schema = @Schema(type = "integer", minimum = "1", maximum = "" + PurchaseRequest.MAX_QUANTITY))
                        @Nullable @QueryValue String quantity,
                        @Parameter(example = "MONTH", description = "MONTHLY_PACKAGE only (P1)",
                                schema = @Schema(type = "string", allowableValues = {"MONTH", "YEAR"}))
                        @Nullable @QueryValue String unit,
                        @Parameter(example = "1", description = "MONTHLY_PACKAGE only: 1-9 months or 1-3 years (P1)",
                                schema = @Schema(type = "integer", minimum = "1", maximum = "9"))
                        @Nullable @QueryValue String count) {
        List<FieldError> errors = new ArrayList<>();
        BillingMethod method = enumParam("billingMethod", billingMethod, BillingMethod.class, errors);
        Integer q = intParam("quantity", quantity, 1, PurchaseRequest.MAX_QUANTITY, errors);
        TermDuration duration = null;
        if (method == BillingMethod.MONTHLY_PACKAGE) {
            DurationUnit u = enumParam("unit", unit, DurationUnit.class, errors);
            Integer c = intParam("count", count, 1, 1000, errors);
            if (u != null && c != null) {
                if (TermDuration.isValid(u, c)) {
                    duration = new TermDuration(u, c);
                } else {
                    errors.add(new FieldError("count", "P1: 1-9 months or 1-3 years"));
                }
            }
        } else if (method == BillingMethod.PAY_BY_CONFIGURATION) {
            if (unit != null) {
                errors.add(new FieldError("unit", "is only for MONTHLY_PACKAGE"));
            }
            if (count != null) {
                errors.add(new FieldError("count", "is only for MONTHLY_PACKAGE"));
            }
        }
        if (!errors.isEmpty()) {
            throw BillingException.validation(errors);
        }
        Quote quote = purchases.quote(nodeId, specId, method, duration, q);
        if (quote instanceof Quote.MonthlyPackage m) {
            return new MonthlyQuoteView(method.name(), m.quantity(),
                    new DurationView(m.duration().unit().name(), m.duration().count()), m.amount().toString(),
                    views.time(m.termStartsAt()), views.time(m.expiresAt()));
        }
        Quote.PayByConfiguration p = (Quote.PayByConfiguration) quote;
        return new PayByConfigurationQuoteView(method.name(), p.quantity(), p.hourly().toString(),
                p.daily().toString(), p.monthly().toString(), p.launchThreshold().toString());
    }

    /**
     * The raw {@code near} value: the parameters hand "31.2,121.4" over as values split at the
     * comma (and drop empty ones), so the raw query string is read first.
     */
    private static String near(HttpRequest<?> request) {
        String raw = request.getUri().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.equals("near") || pair.startsWith("near=")) {
                    return URLDecoder.decode(pair.substring(Math.min(pair.length(), 5)), StandardCharsets.UTF_8);
                }
            }
        }
        return request.getParameters().contains("near")
                ? String.join(",", request.getParameters().getAll("near")) : null;
    }

    /** C3: {@code near} is "latitude,longitude" in degrees. */
    private static GeoPoint point(String near) {
        String[] parts = near.split(",", -1);
        try {
            if (parts.length == 2) {
                double latitude = Double.parseDouble(parts[0].trim());
                double longitude = Double.parseDouble(parts[1].trim());
                if (GeoPoint.validLatitude(latitude) && GeoPoint.validLongitude(longitude)) {
                    return new GeoPoint(latitude, longitude);
                }
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw BillingException.validation(List.of(new FieldError("near",
                "must be latitude,longitude in degrees (-90..90, -180..180), e.g. 31.2304,121.4737")));
    }

    private static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static Integer intParam(String name, String value, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    private record Distant(Node node, double km) {
    }

    @Serdeable
    @Schema(name = "QuoteDuration")
    public record DurationView(@Schema(requiredMode = REQUIRED, allowableValues = {"MONTH", "YEAR"}) String unit, int count) {
    }

    @Serdeable
    @Schema(name = "MonthlyPackageQuote")
    public record MonthlyQuoteView(@Schema(requiredMode = REQUIRED, allowableValues = "MONTHLY_PACKAGE") String billingMethod, int quantity,
                                   DurationView duration, @Schema(requiredMode = REQUIRED, pattern = Fields.MONEY_ANSWER) String amount,
                                   @Schema(requiredMode = REQUIRED, format = "date-time") String termStartsAt,
                                   @Schema(requiredMode = REQUIRED, format = "date-time") String expiresAt) {
    }

    @Serdeable
    @Schema(name = "PayByConfigurationQuote")
    public record PayByConfigurationQuoteView(@Schema(requiredMode = REQUIRED, allowableValues = "PAY_BY_CONFIGURATION") String billingMethod,
                                              int quantity, @Schema(requiredMode = REQUIRED, pattern = Fields.MONEY_ANSWER) String hourly,
                                              @Schema(requiredMode = REQUIRED, pattern = Fields.MONEY_ANSWER) String daily,
                                              @Schema(requiredMode = REQUIRED, pattern = Fields.MONEY_ANSWER) String monthly,
                                              @Schema(requiredMode = REQUIRED, pattern = Fields.MONEY_ANSWER) String launchThreshold) {
    }
}
