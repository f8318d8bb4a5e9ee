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
    private int answersOnly;

    ApiContract() {
        String document = LocalOpenApiController.read();
        if (document == null) {
            throw new IllegalStateException("no " + ApiDocument.RESOURCE + ": micronaut-openapi did not run in local-server");
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /** Checks one exchange; {@code headers} are the request's (name to value). */
    void check(String method, String pathAndQuery, Map<String, String> headers, String body, HttpResponse<String> answer) {
        check(method, pathAndQuery, headers, body, answer, true);
    }

    /**
     * Checks the answer to a request a test sends broken on purpose (a body that is not JSON, a
     * missing field the document requires): the request is meant to break the document, its answer
     * (a 400 problem) must not.
     */
    void checkAnswerToABrokenRequest(String method, String pathAndQuery, Map<String, String> headers, String body,
                                     HttpResponse<String> answer) {
        check(method, pathAndQuery, headers, body, answer, false);
    }

    private synchronized void check(String method, String pathAndQuery, Map<String, String> headers, String body,
                       HttpResponse<String> answer, boolean requestToo) {
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
        Request sent = request.build();
        ValidationReport report = requestToo ? validator.validate(sent, response.build())
                : validator.validateResponse(sent.getPath(), sent.getMethod(), response.build());
        checked++;
        if (!requestToo) {
            answersOnly++;
        }
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(method + " " + pathAndQuery + " -> " + answer.statusCode() + ": " + message.getKey()
                        + ": " + message.getMessage());
            }
        }
    }

    synchronized int checked() {
        return checked;
    }

    /** How many of the checked exchanges had only their answer checked (requests broken on purpose). */
    int answersOnly() {
        return answersOnly;
    }

    List<String> violations() {
        return violations;
    }
}
