package com.edgecloud.local;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds every request an end-to-end test sends, and the answer it gets, to the API document the
 * local server serves (swagger-request-validator): a request the document would not allow, or an
 * answer it does not describe, is a violation the test fails on.
 */
final class ApiContract {

    private final OpenApiInteractionValidator validator;
    private final List<String> violations = new ArrayList<>();
    private int checked;

    ApiContract() {
        String document = LocalOpenApiController.read();
        if (document == null) {
            throw new IllegalStateException("no " + ApiDocument.RESOURCE + ": micronaut-openapi did not run in local-server");
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** Checks one exchange; {@code headers} are the request's (name to value). */
    void check(String method, String pathAndQuery, Map<String, String> headers, String body, HttpResponse<String> answer) {
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath());
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.withQueryParam(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        headers.forEach(request::withHeader);
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validate(request.build(), response.build());
        checked++;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(method + " " + pathAndQuery + " -> " + answer.statusCode() + ": " + message.getKey()
                        + ": " + message.getMessage());
            }
        }
    }

    int checked() {
        return checked;
    }

    List<String> violations() {
        return violations;
    }
}
