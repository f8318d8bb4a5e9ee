package com.edgecloud.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools for AWS Lambda (functional API) around a handler: JSON log lines carrying the
 * invocation's request id and function (log4j2.xml, Powertools' Lambda layout), and EMF metrics in
 * namespace {@value #NAMESPACE} with the one dimension {@value #FUNCTION_NAME} - what the alarms of
 * template.yaml watch. Never log a secret, a token, or a full phone number or email
 * (ContactRules.maskPhone/maskEmail).
 */
public final class Observability {

    public static final String NAMESPACE = "EdgeServerBilling";
    public static final String FUNCTION_NAME = "FunctionName";

    /** 1 when a scheduled run stopped with work left (ScheduledFunction); an alarm at 3 runs in a row. */
    public static final String SWEEP_STOPPED_EARLY = "SweepStoppedEarly";
    /** Milliseconds of the invocation left when a scheduled run ended. */
    public static final String TIME_LEFT = "TimeLeftMillis";
    /** Deliveries attempted and sent, and attempts failed (NotificationDispatchHandler); an alarm above 0. */
    public static final String DELIVERIES_SENT = "DeliveriesSent";
    public static final String DELIVERIES_FAILED = "DeliveriesFailed";

    private Observability() {
    }

    /** {@code work} with the invocation's fields on every log line; without a Lambda context (tests), bare. */
    public static <T> T withLogging(Context lambda, Supplier<T> work) {
        return lambda == null || lambda.getFunctionName() == null ? work.get() : PowertoolsLogging.withLogging(lambda, work);
    }

    /**
     * One EMF document with these values for the invoked function; without a Lambda context
     * (tests, the local server) nothing is written: there is no CloudWatch to read it.
     */
    public static void publish(Context lambda, Map<String, ? extends Number> counts, Map<String, ? extends Number> millis) {
        if (lambda == null || lambda.getFunctionName() == null) {
            return;
        }
        Metrics metrics = MetricsFactory.getMetricsInstance();
        synchronized (Observability.class) {
            metrics.setNamespace(NAMESPACE);
            metrics.setDefaultDimensions(DimensionSet.of(FUNCTION_NAME, lambda.getFunctionName()));
            counts.forEach((name, value) -> metrics.addMetric(name, value.doubleValue(), MetricUnit.COUNT));
            millis.forEach((name, value) -> metrics.addMetric(name, value.doubleValue(), MetricUnit.MILLISECONDS));
            metrics.addMetadata("awsRequestId", lambda.getAwsRequestId());
            metrics.flush();
        }
    }
}
