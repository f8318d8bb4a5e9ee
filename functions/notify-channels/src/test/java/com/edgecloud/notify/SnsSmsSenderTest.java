package com.edgecloud.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.billing.notify.NotificationType;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@link SnsSmsSender}'s request and its reading of SNS's answers, against a stand-in HTTP
 * endpoint that answers as SNS does (query protocol). The real service's behaviour is checked
 * by {@link SnsSmsSenderContainerTest} where Docker is available.
 */
class SnsSmsSenderTest {

    private HttpServer server;
    private SnsClient client;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void publishesToThePhoneNumberAsTransactional_N3() throws Exception {
        answer(200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId>"
                + "</ResponseMetadata></PublishResponse>");

        new SnsSmsSender(client).send(new SmsMessage("n-1", NotificationType.EXPIRED, "i-1", "+8613800000000",
                "服务器 i-1 已到期"));

        assertEquals(1, requests.size());
        String form = URLDecoder.decode(requests.get(0), StandardCharsets.UTF_8);
        assertTrue(form.contains("Action=Publish"), form);
        assertTrue(form.contains("PhoneNumber=+8613800000000"), form);
        assertTrue(form.contains("Message=服务器 i-1 已到期"), form);
        assertTrue(form.contains("MessageAttributes.entry.1.Name=AWS.SNS.SMS.SMSType"), form);
        assertTrue(form.contains("MessageAttributes.entry.1.Value.DataType=String"), form);
        assertTrue(form.contains("MessageAttributes.entry.1.Value.StringValue=Transactional"), form);
    }

    @Test
    void refusedRequestIsPermanentFailure_N2() throws Exception {
        answer(400, error("Sender", "InvalidParameter", "Invalid parameter: PhoneNumber"));

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> send("+8613800000000"));

        assertFalse(e.isRetryable(), e.reason());
        assertEquals("SNS answered 400 InvalidParameter", e.reason());
    }

    @Test
    void throttlingIsRetryableFailure_N2() throws Exception {
        answer(400, error("Sender", "Throttling", "Rate exceeded"));

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> send("+8613800000000"));

        assertTrue(e.isRetryable(), e.reason());
    }

    @Test
    void serverErrorIsRetryableFailure_N2() throws Exception {
        answer(500, error("Receiver", "InternalError", "Internal error"));

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> send("+8613800000000"));

        assertTrue(e.isRetryable(), e.reason());
        assertEquals("SNS answered 500 InternalError", e.reason());
    }

    @Test
    void numberThatIsNotE164IsPermanentFailureWithoutCallingSns_N2() throws Exception {
        answer(200, "<PublishResponse/>");

        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> send("13800000000"));

        assertFalse(e.isRetryable());
        assertEquals("invalid phone number", e.reason());
        assertTrue(requests.isEmpty());
    }

    private void send(String phone) {
        new SnsSmsSender(client).send(new SmsMessage("n-1", NotificationType.OVERDUE, "i-1", phone, "x"));
    }

    private void answer(int status, String xml) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = SnsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                // one request per send, so the classification is seen as is
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>r-1</RequestId></ErrorResponse>";
    }
}
