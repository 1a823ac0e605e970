package org.rallylab.sync.e2e;

import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.standin.Session;

/** The stand-in's test sign-in as the client's session. */
final class Sessions {

    private Sessions() {
    }

    static CloudSession of(Session s) {
        return new CloudSession(s.accessToken(), s.refreshToken(), s.expiresAt(), s.userId().toString(), s.email());
    }
}
