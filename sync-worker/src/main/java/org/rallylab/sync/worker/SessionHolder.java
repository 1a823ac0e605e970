package org.rallylab.sync.worker;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.rallylab.sync.client.CloudSession;

/**
 * Where the push worker gets the signed-in session and hands back a renewed one, so the app
 * can save the new tokens (with its {@code TokenStore}). Called on the worker's thread.
 */
public interface SessionHolder {

    /** The session to push with, or empty when nobody is signed in. */
    Optional<CloudSession> session();

    /** Keeps {@code session} from now on: the worker renewed the tokens (the old refresh token is used up). */
    void update(CloudSession session);

    /**
     * A holder in memory that starts with {@code initial} (may be null) and passes every
     * update to {@code onUpdate} (to save it). Thread-safe.
     */
    static SessionHolder inMemory(CloudSession initial, Consumer<CloudSession> onUpdate) {
        Objects.requireNonNull(onUpdate, "onUpdate");
        AtomicReference<CloudSession> current = new AtomicReference<>(initial);
        return new SessionHolder() {
            @Override
            public Optional<CloudSession> session() {
                return Optional.ofNullable(current.get());
            }

            @Override
            public void update(CloudSession session) {
                current.set(Objects.requireNonNull(session, "session"));
                onUpdate.accept(session);
            }

            @Override
            public String toString() {
                return "SessionHolder[" + current.get() + "]";
            }
        };
    }
}
