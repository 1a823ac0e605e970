package org.rallylab.sync.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user: GoTrue's access and refresh tokens, when the access token expires, and who
 * it is. The tokens are secrets: {@link #toString()} never shows them; keep them only in the
 * {@link TokenStore}.
 */
public record CloudSession(String accessToken, String refreshToken, Instant expiresAt, String userId, String email) {

    public CloudSession {
        requireText(accessToken, "accessToken");
        requireText(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        requireText(userId, "userId");
        email = email == null ? "" : email;
    }

    /** Whether the access token has expired, or will within {@code margin}. */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return !clock.instant().plus(margin).isBefore(expiresAt);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a session needs a " + name);
        }
    }

    @Override
    public String toString() {
        return "CloudSession[" + email + ", user " + userId + ", expires " + expiresAt + "]";
    }
}
