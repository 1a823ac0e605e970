package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The part of GoTrue (Supabase Auth) RallyLab uses: email one-time codes ({@code /otp}, {@code /verify}) and
 * refresh-token rotation ({@code /token?grant_type=refresh_token}), issuing HS256 access tokens. Users are
 * rows of {@code auth.users} in the real database; codes and refresh tokens live in memory.
 */
final class GoTrue {

    private static final Duration CODE_LIFETIME = Duration.ofHours(1);

    private record Code(String code, Instant expiresAt) {
    }

    private record Refresh(UUID userId, String email, boolean revoked) {
    }

    private final DataSource db;
    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> pending = new ConcurrentHashMap<>();
    private final Map<String, String> mailed = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration tokenLifetime = Duration.ofHours(1);

    GoTrue(DataSource db, byte[] secret) {
        this.db = db;
        this.secret = secret.clone();
    }

    void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    Optional<String> lastCodeFor(String email) {
        return Optional.ofNullable(mailed.get(normalize(email)));
    }

    /** {@code POST /auth/v1/otp}: signs the email up on first use and "mails" a fresh 6-digit code. */
    ObjectNode otp(JsonNode body) throws ApiError, SQLException {
        String email = email(body);
        boolean create = body.path("create_user").asBoolean(true);
        if (findUser(email).isEmpty()) {
            if (!create) {
                throw ApiError.auth(422, "otp_disabled", "Signups not allowed for otp");
            }
            createUser(email);
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(email, new Code(code, Instant.now().plus(CODE_LIFETIME)));
        mailed.put(email, code);
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code POST /auth/v1/verify}: a code that was mailed and not used yet gives a session. */
    ObjectNode verify(JsonNode body) throws ApiError, SQLException {
        String type = body.path("type").asText("");
        if (!type.equals("email") && !type.equals("magiclink") && !type.equals("signup")) {
            throw ApiError.auth(400, "validation_failed", "Verify requires a verification type");
        }
        String email = email(body);
        String token = body.path("token").asText("");
        Code code = pending.get(email);
        if (code == null || !code.code().equals(token) || Instant.now().isAfter(code.expiresAt())
                || !pending.remove(email, code)) {
            throw ApiError.auth(403, "otp_expired", "Token has expired or is invalid");
        }
        UUID user = findUser(email).orElseThrow(() -> ApiError.auth(404, "user_not_found", "User not found"));
        return json(issue(user, email));
    }

    /** {@code POST /auth/v1/token?grant_type=refresh_token}: a new pair; the old refresh token is revoked. */
    ObjectNode refresh(String grantType, JsonNode body) throws ApiError {
        if (!"refresh_token".equals(grantType)) {
            throw ApiError.auth(400, "unsupported_grant_type", "unsupported_grant_type");
        }
        String token = body.path("refresh_token").asText("");
        Refresh entry = token.isEmpty() ? null : refreshTokens.get(token);
        if (entry == null) {
            throw ApiError.auth(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        }
        if (entry.revoked() || !refreshTokens.replace(token, entry, new Refresh(entry.userId(), entry.email(), true))) {
            throw ApiError.auth(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
        return json(issue(entry.userId(), entry.email()));
    }

    /** Signs the email in without a code (creating the user on first use): for test setup. */
    Session signIn(String email) throws SQLException {
        String normalized = normalize(email);
        UUID user = findUser(normalized).orElse(null);
        if (user == null) {
            user = createUser(normalized);
        }
        return issue(user, normalized);
    }

    /** A token for this user signed with the right secret but with the given claims changed. */
    String accessToken(UUID user, String email, Instant expiresAt) {
        ObjectNode claims = JsonNodeFactory.instance.objectNode();
        Instant now = Instant.now();
        claims.put("aud", "authenticated");
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("sub", user.toString());
        claims.put("email", email);
        claims.put("role", "authenticated");
        return Jwt.sign(claims, secret);
    }

    private Session issue(UUID user, String email) {
        Instant expiresAt = Instant.now().plus(tokenLifetime);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        refreshTokens.put(refresh, new Refresh(user, email, false));
        return new Session(accessToken(user, email, expiresAt), refresh, expiresAt, user, email);
    }

    private ObjectNode json(Session s) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("access_token", s.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", Duration.between(Instant.now(), s.expiresAt()).toSeconds());
        body.put("expires_at", s.expiresAt().getEpochSecond());
        body.put("refresh_token", s.refreshToken());
        ObjectNode user = body.putObject("user");
        user.put("id", s.userId().toString());
        user.put("aud", "authenticated");
        user.put("role", "authenticated");
        user.put("email", s.email());
        return body;
    }

    private Optional<UUID> findUser(String email) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("select id from auth.users where email = ?")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private UUID createUser(String email) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "insert into auth.users (email) values (?) on conflict (email) do nothing returning id")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return rs.getObject(1, UUID.class);
                }
            }
        }
        return findUser(email).orElseThrow(() -> new SQLException("auth.users lost the row of " + email));
    }

    private static String email(JsonNode body) throws ApiError {
        String email = normalize(body.path("email").asText(""));
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiError.auth(400, "validation_failed", "Unable to validate email address: invalid format");
        }
        return email;
    }

    private static String normalize(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
