package com.edgecloud.local;

import com.edgecloud.http.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local server's stand-in for API Gateway's JWT authorizer (SPEC §9, §10): issues and
 * checks HS256 tokens carrying {@code sub} (the account id) and {@code roles}. Lifetimes are
 * always judged by the system clock, never the settable one, so a token still works after
 * {@code PUT /_local/clock} moves "now" by years.
 */
@Singleton
public class LocalJwt {

    static final Duration LIFETIME = Duration.ofHours(24);
    /** An {@code iat} further ahead of the system clock than this is not believed. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

    private static final String ALG = "HS256";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final JsonMapper json;
    private final byte[] secret;
    private final Clock systemClock;

    @Inject
    public LocalJwt(JsonMapper json, @Value("${local.jwt.secret:local-jwt-secret}") String secret) {
        this(json, secret, Clock.systemUTC());
    }

    /** {@code systemClock} is for tests only; the server always uses {@link Clock#systemUTC()}. */
    public LocalJwt(JsonMapper json, String secret, Clock systemClock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("local.jwt.secret must not be empty");
        }
        this.json = json;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.systemClock = systemClock;
    }

    /** A token for {@code sub} with {@code roles}, valid for 24 hours from now (system clock). */
    public String issue(String sub, Collection<String> roles) {
        long now = systemClock.instant().getEpochSecond();
        Map<String, JsonNode> header = new LinkedHashMap<>();
        header.put("alg", JsonNode.createStringNode(ALG));
        header.put("typ", JsonNode.createStringNode("JWT"));
        Map<String, JsonNode> claims = new LinkedHashMap<>();
        claims.put("sub", JsonNode.createStringNode(sub));
        List<JsonNode> roleNodes = new ArrayList<>();
        roles.forEach(role -> roleNodes.add(JsonNode.createStringNode(role)));
        claims.put("roles", JsonNode.createArrayNode(roleNodes));
        claims.put("iat", JsonNode.createNumberNode(now));
        claims.put("exp", JsonNode.createNumberNode(now + LIFETIME.toSeconds()));
        String signingInput = encode(JsonNode.createObjectNode(header)) + "." + encode(JsonNode.createObjectNode(claims));
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /**
     * The caller a token names, if it is a well-formed HS256 token signed with our secret, not
     * expired, not issued in the future and carrying a {@code sub}; empty otherwise.
     */
    public Optional<Caller> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = decode(parts[0]);
            // Only HS256: never "none", never an algorithm the token picks for itself.
            if (!isString(header.get("alg"), ALG)) {
                return Optional.empty();
            }
            byte[] expected = sign(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, B64_DECODE.decode(parts[2]))) {
                return Optional.empty();
            }
            return callerFrom(decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Caller> callerFrom(JsonNode claims) {
        if (!claims.isObject()) {
            return Optional.empty();
        }
        long now = systemClock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || exp.getLongValue() <= now) {
            return Optional.empty();
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && (!iat.isNumber() || iat.getLongValue() > now + ALLOWED_SKEW.toSeconds())) {
            return Optional.empty();
        }
        JsonNode sub = claims.get("sub");
        if (sub == null || !sub.isString() || sub.getStringValue().isBlank()) {
            return Optional.empty();
        }
        return rolesFrom(claims.get("roles")).map(roles -> new Caller(sub.getStringValue(), roles));
    }

    /** Absent roles: none. Otherwise an array of strings, or the token is refused. */
    private static Optional<Set<String>> rolesFrom(JsonNode roles) {
        if (roles == null || roles.isNull()) {
            return Optional.of(Set.of());
        }
        if (!roles.isArray()) {
            return Optional.empty();
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonNode role : roles.values()) {
            if (!role.isString()) {
                return Optional.empty();
            }
            result.add(role.getStringValue());
        }
        return Optional.of(result);
    }

    private static boolean isString(JsonNode node, String value) {
        return node != null && node.isString() && value.equals(node.getStringValue());
    }

    private String encode(JsonNode node) {
        try {
            return B64.encodeToString(json.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JWT JSON", e);
        }
    }

    private JsonNode decode(String part) throws IOException {
        JsonNode node = json.readValue(B64_DECODE.decode(part), JsonNode.class);
        if (node == null) {
            throw new IOException("empty JWT part");
        }
        return node;
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
