package com.edgecloud.testing.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Tests only (issue 16): records each AWS call a function makes as IAM sees it, one
 * {@link AwsCall} per action and resource (a transaction is one call per item, as IAM checks it).
 * Who made it is read from the stack: the innermost class in a function's own package under a
 * Lambda {@code handleRequest} frame, or {@code priming} under the SnapStart priming every HTTP
 * function runs. Calls a test makes to set up or read back are under neither and are not recorded.
 * The calls of a JVM go to {@code target/aws-calls/calls.tsv} of the module when it exits, where
 * the template's IAM check (local-server) reads them.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    public static final Path FILE = Path.of("target", "aws-calls", "calls.tsv");
    /** The usage run's worker threads (UsageRun's names): their stack starts below the handler. */
    private static final String USAGE_WORKER = "usage-run-";
    private static final String USAGE_PACKAGE = "com.edgecloud.usage";

    /** Packages of shared code, never a function's own. */
    private static final List<String> SHARED = List.of("com.edgecloud.billing", "com.edgecloud.runtime",
            "com.edgecloud.http", "com.edgecloud.notify", "com.edgecloud.testing", "com.edgecloud.local",
            "com.edgecloud.dynamodblocal");
    private static final String PRIMING = "com.edgecloud.http.SnapStartPriming";
    private static final Set<String> CALLS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AwsCallRecorder::write, "aws-call-recorder"));
    }

    /** One call as IAM evaluates it. {@code resource}: {@code table/T}, {@code table/T/index/I}, {@code parameter/N}, {@code secret/N}, {@code *}. */
    public record AwsCall(String who, String action, String resource) {
        String line() {
            return who + "\t" + action + "\t" + resource;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String who = caller();
        if (who == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls(who, service, operation, context.request()).forEach(call -> CALLS.add(call.line()));
    }

    /** What this JVM recorded so far. */
    public static Set<String> recorded() {
        return new TreeSet<>(CALLS);
    }

    static List<AwsCall> calls(String who, String service, String operation, SdkRequest request) {
        List<AwsCall> calls = new ArrayList<>();
        switch (service) {
            case "DynamoDb" -> dynamo(who, operation, request, calls);
            case "Sns" -> calls.add(new AwsCall(who, "sns:" + operation, request.getValueForField("TopicArn", String.class)
                    .map(arn -> "topic/" + arn.substring(arn.lastIndexOf(':') + 1)).orElse("*")));
            case "Ssm" -> calls.add(new AwsCall(who, "ssm:" + operation,
                    "parameter/" + request.getValueForField("Name", String.class).orElse("?").replaceFirst("^/", "")));
            case "SecretsManager" -> calls.add(new AwsCall(who, "secretsmanager:" + operation,
                    "secret/" + request.getValueForField("SecretId", String.class).orElse("?")));
            default -> calls.add(new AwsCall(who, service.toLowerCase() + ":" + operation, "?"));
        }
        return calls;
    }

    private static void dynamo(String who, String operation, SdkRequest request, List<AwsCall> calls) {
        if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) {
                    calls.add(new AwsCall(who, "dynamodb:PutItem", "table/" + item.put().tableName()));
                }
                if (item.update() != null) {
                    calls.add(new AwsCall(who, "dynamodb:UpdateItem", "table/" + item.update().tableName()));
                }
                if (item.delete() != null) {
                    calls.add(new AwsCall(who, "dynamodb:DeleteItem", "table/" + item.delete().tableName()));
                }
                if (item.conditionCheck() != null) {
                    calls.add(new AwsCall(who, "dynamodb:ConditionCheckItem", "table/" + item.conditionCheck().tableName()));
                }
            }
        } else if (request instanceof TransactGetItemsRequest r) {
            for (TransactGetItem item : r.transactItems()) {
                calls.add(new AwsCall(who, "dynamodb:GetItem", "table/" + item.get().tableName()));
            }
        } else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().keySet().forEach(t -> calls.add(new AwsCall(who, "dynamodb:BatchWriteItem", "table/" + t)));
        } else if (request instanceof BatchGetItemRequest r) {
            r.requestItems().keySet().forEach(t -> calls.add(new AwsCall(who, "dynamodb:BatchGetItem", "table/" + t)));
        } else {
            String table = request.getValueForField("TableName", String.class).orElse("?");
            String index = request.getValueForField("IndexName", String.class).map(i -> "/index/" + i).orElse("");
            calls.add(new AwsCall(who, "dynamodb:" + operation, "table/" + table + index));
        }
    }

    /** The function package that made the call, {@code priming}, or null for a test's own call. */
    static String caller() {
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        String innermost = null;
        boolean underHandler = false;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.equals(PRIMING)) {
                return "priming";
            }
            if (frame.getMethodName().equals("handleRequest")) {
                underHandler = true; // ours or Micronaut's (MicronautRequestHandler calls execute)
            }
            if (!type.startsWith("com.edgecloud.")) {
                continue;
            }
            if (innermost == null && SHARED.stream().noneMatch(type::startsWith)) {
                innermost = type.substring(0, type.lastIndexOf('.'));
            }
        }
        if (!underHandler && Thread.currentThread().getName().startsWith(USAGE_WORKER)) {
            return USAGE_PACKAGE; // G2: a usage run bills its accounts on its own workers (UsageRun)
        }
        return underHandler ? innermost : null;
    }

    private static void write() {
        if (CALLS.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, recorded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
