package com.edgecloud.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.edgecloud.http.Caller;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The local stand-in for API Gateway's JWT authorizer (SPEC §9): what it lets in and what not. */
class LocalJwtTest {

    private static final String SECRET = "test-secret";
    private static final Instant NOW = Instant.parse("2030-05-01T00:00:00Z");

    private final LocalJwt jwt = jwtAt(NOW);

    @Test
    void goodTokenNamesTheCallerAndRoles() {
        String token = jwt.issue("acct-1", List.of("admin", "ops"));

        assertEquals(Optional.of(new Caller("acct-1", Set.of("admin", "ops"))), jwt.verify(token));
    }

    @Test
    void tokenWithoutRolesHasNone() {
        assertEquals(Optional.of(new Caller("acct-1", Set.of())), jwt.verify(jwt.issue("acct-1", List.of())));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = jwt.issue("acct-1", List.of()).split("\\.");
        String otherPayload = b64(claims("acct-2", "[\"admin\"]", NOW, NOW.plus(Duration.ofHours(1))));

        assertEquals(Optional.empty(), jwt.verify(parts[0] + "." + otherPayload + "." + parts[2]));
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        String foreign = new LocalJwt(ObjectMapper.getDefault(), "another-secret", fixed(NOW)).issue("acct-1", List.of());

        assertEquals(Optional.empty(), jwt.verify(foreign));
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claims("acct-1", "[]", NOW, NOW.plus(Duration.ofHours(1))));

        assertEquals(Optional.empty(), jwt.verify(header + "." + payload + "."));
        // Even with a valid HS256 signature over it, a header naming another algorithm is refused.
        assertEquals(Optional.empty(), jwt.verify(header + "." + payload + "." + hs256(header + "." + payload)));
    }

    @Test
    void expiredTokenIsRefused() {
        String issuedYesterday = jwtAt(NOW.minus(LocalJwt.LIFETIME).minusSeconds(1)).issue("acct-1", List.of());

        assertEquals(Optional.empty(), jwt.verify(issuedYesterday));
    }

    @Test
    void tokenIssuedFarInTheFutureIsRefused() {
        String fromTheFuture = jwtAt(NOW.plus(Duration.ofHours(1))).issue("acct-1", List.of());

        assertEquals(Optional.empty(), jwt.verify(fromTheFuture));
    }

    @Test
    void tokenWithoutSubIsRefused() {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64("{\"roles\":[],\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + NOW.plus(Duration.ofHours(1)).getEpochSecond() + "}");

        assertEquals(Optional.empty(), jwt.verify(header + "." + payload + "." + hs256(header + "." + payload)));
    }

    @Test
    void correctlySignedHandWrittenTokenIsAccepted() {
        // The same construction the refusals above use, accepted when nothing is wrong with it:
        // so they fail for the reason they name, not because the helper is broken.
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = b64(claims("acct-7", "[\"admin\"]", NOW, NOW.plus(Duration.ofHours(1))));

        assertEquals(Optional.of(new Caller("acct-7", Set.of("admin"))),
                jwt.verify(header + "." + payload + "." + hs256(header + "." + payload)));
    }

    @Test
    void garbageIsRefused() {
        for (String token : new String[] {null, "", "abc", "a.b", "a.b.c", "a.b.c.d", "...", "!!!.@@@.###"}) {
            assertEquals(Optional.empty(), jwt.verify(token), String.valueOf(token));
        }
    }

    @Test
    void tokenLivesTwentyFourHours() {
        String token = jwt.issue("acct-1", List.of());

        assertTrue(jwtAt(NOW.plus(LocalJwt.LIFETIME).minusSeconds(1)).verify(token).isPresent());
        assertEquals(Optional.empty(), jwtAt(NOW.plus(LocalJwt.LIFETIME)).verify(token));
    }

    private static LocalJwt jwtAt(Instant systemNow) {
        return new LocalJwt(ObjectMapper.getDefault(), SECRET, fixed(systemNow));
    }

    private static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static String claims(String sub, String rolesJson, Instant iat, Instant exp) {
        return "{\"sub\":\"" + sub + "\",\"roles\":" + rolesJson + ",\"iat\":" + iat.getEpochSecond()
                + ",\"exp\":" + exp.getEpochSecond() + "}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
