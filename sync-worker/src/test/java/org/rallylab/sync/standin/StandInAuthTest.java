package org.rallylab.sync.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.sync.pg.PgFixture;

class StandInAuthTest {

    private PgFixture pg;
    private StandIn standIn;
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        pg = PgFixture.freshDatabase();
        ProbeTable.create(pg);
        standIn = StandIn.start(pg, "anon-key-for-tests");
        http = new TestHttp(standIn);
    }

    @AfterEach
    void stop() {
        http.shutdown();
        standIn.close();
    }

    @Test
    void signUp_verifyThenRefresh_rotatesTheTokens() throws Exception {
        TestHttp.Answer otp = http.post("/auth/v1/otp", null, null, "{\"email\":\"Ava@Example.org\"}");
        assertThat(otp.status()).isEqualTo(200);
        UUID ava = userId("ava@example.org");
        String code = standIn.lastCodeFor("ava@example.org");
        assertThat(code).matches("\\d{6}");

        String wrong = code.equals("000000") ? "000001" : "000000";
        TestHttp.Answer refused = verify("ava@example.org", wrong);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error_code").asText()).isEqualTo("otp_expired");

        TestHttp.Answer verified = verify("ava@example.org", code);
        assertThat(verified.status()).isEqualTo(200);
        JsonNode session = verified.json();
        assertThat(session.path("token_type").asText()).isEqualTo("bearer");
        assertThat(session.path("expires_in").asLong()).isBetween(3590L, 3600L);
        assertThat(session.path("expires_at").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(session.path("user").path("id").asText()).isEqualTo(ava.toString());
        assertThat(session.path("user").path("email").asText()).isEqualTo("ava@example.org");
        JsonNode claims = claims(session.path("access_token").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(ava.toString());
        assertThat(claims.path("email").asText()).isEqualTo("ava@example.org");
        assertThat(claims.path("role").asText()).isEqualTo("authenticated");
        assertThat(claims.path("aud").asText()).isEqualTo("authenticated");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600L);

        assertThat(verify("ava@example.org", code).status()).as("a code works once").isEqualTo(403);

        String oldRefresh = session.path("refresh_token").asText();
        TestHttp.Answer refreshed = refresh(oldRefresh);
        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().path("refresh_token").asText();
        assertThat(newRefresh).isNotEqualTo(oldRefresh);
        assertThat(claims(refreshed.json().path("access_token").asText()).path("sub").asText())
                .isEqualTo(ava.toString());

        TestHttp.Answer reused = refresh(oldRefresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("msg").asText()).contains("Already Used");
        assertThat(refresh(newRefresh).status()).isEqualTo(200);
        assertThat(refresh("never-issued").status()).isEqualTo(400);

        http.post("/auth/v1/otp", null, null, "{\"email\":\"ava@example.org\"}");
        assertThat(userCount("ava@example.org")).as("a second code does not sign up again").isEqualTo(1);
    }

    @Test
    void otp_malformedEmail_refused() throws Exception {
        TestHttp.Answer a = http.post("/auth/v1/otp", null, null, "{\"email\":\"not an email\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("error_code").asText()).isEqualTo("validation_failed");
    }

    @Test
    void request_withoutTheAnonKey_is401() throws Exception {
        TestHttp.Answer missing = http.send(new okhttp3.Request.Builder().url(standIn.url() + ProbeTable.REST).build());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().path("message").asText()).isEqualTo("No API key found in request");
        TestHttp.Answer wrong = http.send(new okhttp3.Request.Builder().url(standIn.url() + "/auth/v1/otp")
                .header("apikey", "someone-elses-key")
                .post(okhttp3.RequestBody.create("{\"email\":\"x@example.org\"}", null)).build());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("message").asText()).isEqualTo("Invalid API key");
        assertThat(userCount("x@example.org")).isZero();
    }

    @Test
    void request_expiredToken_is401JwtExpired() throws Exception {
        // long enough for one request on a loaded machine while the token is fresh (its exp is whole seconds)
        standIn.tokenLifetime(Duration.ofSeconds(5));
        Session s = standIn.signIn("ben@example.org");
        assertThat(http.get(ProbeTable.REST, s.accessToken()).status()).isEqualTo(200);
        Await.until("the token's lifetime is over", () -> Instant.now().isAfter(s.expiresAt()));
        TestHttp.Answer expired = http.get(ProbeTable.REST, s.accessToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("code").asText()).isEqualTo("PGRST301");
        assertThat(expired.json().path("message").asText()).isEqualTo("JWT expired");
        assertThat(expired.headers().get("WWW-Authenticate")).contains("invalid_token");

        String longAgo = standIn.accessTokenExpiringAt(s, Instant.now().minusSeconds(60));
        assertThat(http.get(ProbeTable.REST, longAgo).json().path("message").asText()).isEqualTo("JWT expired");
    }

    @Test
    void request_tokenSignedWithAnotherSecretOrGarbage_is401() throws Exception {
        Session s = standIn.signIn("cy@example.org");
        ObjectNode forgedClaims = (ObjectNode) claims(s.accessToken());
        String forged = Jwt.sign(forgedClaims, "not-the-secret-not-the-secret-!!".getBytes(StandardCharsets.UTF_8));
        TestHttp.Answer badSignature = http.get(ProbeTable.REST, forged);
        assertThat(badSignature.status()).isEqualTo(401);
        assertThat(badSignature.json().path("code").asText()).isEqualTo("PGRST301");
        assertThat(badSignature.json().path("message").asText()).contains("JWSInvalidSignature");

        TestHttp.Answer garbage = http.get(ProbeTable.REST, "garbage");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().path("code").asText()).isEqualTo("PGRST301");
    }

    private TestHttp.Answer verify(String email, String code) throws Exception {
        return http.post("/auth/v1/verify", null, null,
                "{\"type\":\"email\",\"email\":\"" + email + "\",\"token\":\"" + code + "\"}");
    }

    private TestHttp.Answer refresh(String token) throws Exception {
        return http.post("/auth/v1/token?grant_type=refresh_token", null, null,
                "{\"refresh_token\":\"" + token + "\"}");
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private UUID userId(String email) throws Exception {
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement("select id from auth.users where email = ?")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("auth.users has " + email).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private long userCount(String email) throws Exception {
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement("select count(*) from auth.users where email = ?")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
