package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens as GoTrue issues them and PostgREST checks them: signing with a shared secret
 * (javax.crypto HMAC-SHA256) and verifying signature and expiry. Test scope only.
 */
final class Jwt {

    /** Why a token was refused; the message is the one PostgREST puts in its error body. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Jwt() {
    }

    /** The compact form {@code header.claims.signature} of these claims signed with the secret. */
    static String sign(ObjectNode claims, byte[] secret) {
        try {
            String body = HEADER + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            return body + "." + ENCODER.encodeToString(hmac(body, secret));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token whose signature matches the secret and which has not expired at {@code now}. */
    static ObjectNode verify(String token, byte[] secret, Instant now) throws Invalid {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Invalid("JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got "
                    + parts.length + ")");
        }
        JsonNode header = decode(parts[0]);
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new Invalid("JWSError JWSInvalidSignature");
        }
        byte[] expected = hmac(parts[0] + "." + parts[1], secret);
        byte[] given;
        try {
            given = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Invalid("JWSError JWSInvalidSignature");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Invalid("JWSError JWSInvalidSignature");
        }
        JsonNode claims = decode(parts[1]);
        if (!(claims instanceof ObjectNode object)) {
            throw new Invalid("JWT claims are not a JSON object");
        }
        JsonNode exp = object.get("exp");
        if (exp != null && (!exp.isNumber() || exp.asLong() <= now.getEpochSecond())) {
            throw new Invalid("JWT expired");
        }
        return object;
    }

    private static JsonNode decode(String part) throws Invalid {
        try {
            return JSON.readTree(DECODER.decode(part));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new Invalid("JWSError (CompactDecodeError Invalid Base64 or JSON)");
        }
    }

    private static byte[] hmac(String data, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
