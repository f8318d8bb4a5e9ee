package com.edgecloud.bench.coldstart;

import com.edgecloud.billing.payment.CallbackSignature;
import com.edgecloud.runtime.AwsClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workloads of the functions whose sample needs more than the shared seed: each run gets work
 * of its own, the same for both variants, and its answer is checked to have done it.
 */
final class Workloads {

    private Workloads() {
    }

    /** The count {@code field} of a scheduled summary, or -1. */
    static int count(String answer, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(answer);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** events/renewal.json renews i-demo-0001 of acct-demo by a month (R1-R3), once per run (fresh Idempotency-Key). */
    static final class Renewal implements Workload {
        static final String INSTANCE = "i-demo-0001";
        private boolean seeded;

        @Override
        public Path event(Seeds seeds, Path sample, String run) {
            if (!seeded) {
                Instant now = Instant.now();
                seeds.monthly(INSTANCE, Seeds.ACCOUNT, now, now.plus(Duration.ofDays(30)));
                seeded = true;
            }
            return sample;
        }

        @Override
        public void check(Seeds seeds, String run, String answer) {
            if (!answer.contains("\"charged\":\"1000.00\"") || !answer.contains(INSTANCE)) {
                throw Workload.notDone(run, "the renewal did not charge a month", answer);
            }
        }
    }

    /**
     * events/payment-callback.json confirms a pending 100.00 recharge: each run its own payment,
     * the sample's body naming it and signed with the secret, which both variants read from SSM
     * (moto) as deployed (CALLBACK_SECRET_PARAMETER).
     */
    static final class PaymentCallback implements Workload {
        private static final String SAMPLE_PAYMENT = "pay-demo";
        private static final String SAMPLE_BODY = "{\"paymentId\":\"pay-demo\",\"status\":\"SUCCEEDED\",\"amount\":\"100.00\"}";

        @Override
        public List<String> properties(Seeds seeds) {
            return List.of("-Dpayments.callback-secret-parameter=" + Seeds.CALLBACK_SECRET_PARAMETER,
                    "-D" + AwsClients.ENDPOINT_OVERRIDE + "=" + seeds.moto().endpoint());
        }

        @Override
        public Path event(Seeds seeds, Path sample, String run) throws IOException {
            String paymentId = SAMPLE_PAYMENT + "-" + run;
            seeds.pendingRecharge(paymentId, Seeds.ACCOUNT, "100.00");
            String text = Files.readString(sample);
            String body = SAMPLE_BODY.replace(SAMPLE_PAYMENT, paymentId);
            CallbackSignature signature = new CallbackSignature(Seeds.CALLBACK_SECRET);
            if (!text.contains(signature.sign(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)))) {
                throw new IllegalStateException(sample + " is not the signed sample this benchmark rewrites");
            }
            // the sample names its payment only in its body
            return seeds.write(sample, run, text
                    .replace(signature.sign(SAMPLE_BODY.getBytes(StandardCharsets.UTF_8)),
                            signature.sign(body.getBytes(StandardCharsets.UTF_8)))
                    .replace(SAMPLE_PAYMENT, paymentId));
        }

        @Override
        public void check(Seeds seeds, String run, String answer) {
            if (!answer.contains("\"paymentId\":\"" + SAMPLE_PAYMENT + "-" + run + "\"") || !answer.contains("\"SUCCEEDED\"")) {
                throw Workload.notDone(run, "the callback did not confirm its payment", answer);
            }
        }
    }

    /** events/expiry-sweep.json (2016-02-01T16:00Z): each run a monthly package of acct-demo expired an hour before (E3). */
    static final class ExpirySweep implements Workload {
        static final Instant EXPIRES = Instant.parse("2016-02-01T15:00:00Z");

        @Override
        public Path event(Seeds seeds, Path sample, String run) {
            seeds.monthly("i-sweep-" + run, Seeds.ACCOUNT, EXPIRES.minus(Duration.ofDays(31)), EXPIRES);
            return sample;
        }

        @Override
        public void check(Seeds seeds, String run, String answer) {
            if (count(answer, "changed") < 1) {
                throw Workload.notDone(run, "the sweep changed nothing", answer);
            }
        }
    }

    /**
     * events/usage-billing.json (2016-01-01T08:00Z), run in the function itself (no bucket queue
     * configured: what UsageBucketFunction does per bucket): each run an account of its own with one
     * pay-by-configuration instance launched an hour before, so one bill is issued and paid (G2, G3).
     */
    static final class UsageBilling implements Workload {
        static final Instant LAUNCH = Instant.parse("2016-01-01T07:00:00Z");

        @Override
        public Path event(Seeds seeds, Path sample, String run) {
            String account = "acct-usage-" + run;
            seeds.account(account, "1000.00");
            seeds.payByConfiguration(account, LAUNCH);
            return sample;
        }

        @Override
        public void check(Seeds seeds, String run, String answer) {
            if (count(answer, "bills") != 1 || count(answer, "paid") != 1) {
                throw Workload.notDone(run, "the run did not issue and pay its one bill", answer);
            }
        }
    }

    /**
     * events/notification-dispatch.json (ORDER_PAID for acct-1): each run a record of its own id,
     * delivered as deployed to acct-1's contact: in-site, SMS through SNS and e-mail over SMTP with
     * the password from Secrets Manager (moto, GreenMail). The check counts the e-mail and the SMS.
     */
    static final class Dispatch implements Workload {
        static final String ACCOUNT = "acct-1";
        static final String PHONE = "+8613800000000";
        private boolean seeded;
        private int runs;

        @Override
        public List<String> properties(Seeds seeds) {
            return List.of("-Dcoldstart.timeoutMillis=120000", // its Timeout in template.yaml: a delivery starts with 40 s left
                    "-Dnotify.sms.provider=sns",
                    "-Dnotify.smtp.host=127.0.0.1",
                    "-Dnotify.smtp.port=" + seeds.greenMail().getSmtp().getPort(),
                    "-Dnotify.smtp.start-tls=false",
                    "-Dnotify.smtp.username=" + Seeds.SMTP_USER,
                    "-Dnotify.smtp.password-secret=" + Seeds.SMTP_PASSWORD_SECRET,
                    "-D" + AwsClients.ENDPOINT_OVERRIDE + "=" + seeds.moto().endpoint());
        }

        @Override
        public Path event(Seeds seeds, Path sample, String run) throws IOException {
            if (!seeded) {
                seeds.account(ACCOUNT, "0.01");
                seeded = true;
            }
            return seeds.rewritten(sample, run, "ntf-sample-1", "ntf-" + run);
        }

        @Override
        public void check(Seeds seeds, String run, String answer) {
            runs++;
            int emails = seeds.greenMail().getReceivedMessages().length;
            int sms = occurrences(seeds.moto().modelData(), PHONE);
            if (!answer.contains("\"batchItemFailures\":[]") || emails != runs || sms != runs) {
                throw Workload.notDone(run, "after " + runs + " runs, " + emails + " e-mails and " + sms + " SMS", answer);
            }
        }

        private static int occurrences(String text, String part) {
            int n = 0;
            for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
                n++;
            }
            return n;
        }
    }
}
