package org.rallylab.sync.standin;

import java.time.Instant;
import java.util.UUID;

/** What GoTrue's verify and refresh answer: a signed-in user's access and refresh tokens. */
public record Session(String accessToken, String refreshToken, Instant expiresAt, UUID userId, String email) {

    @Override
    public String toString() {
        return "Session[user=" + userId + ", email=" + email + ", expiresAt=" + expiresAt + ", tokens hidden]";
    }
}
