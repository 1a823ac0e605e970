package org.rallylab.store.backup;

import java.time.Instant;
import java.util.Objects;

/** What the USB backup is doing, as {@link BackupWorker} reports it to the screen. */
public sealed interface BackupStatus {

    /** Nothing written yet (the worker has not started, or the rally has no events). */
    record Idle() implements BackupStatus {
    }

    /** The last write succeeded: the backup holds {@code events} events as of {@code at}. */
    record Written(Instant at, long events) implements BackupStatus {
        public Written {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The backup cannot be written (the stick was pulled, is full or read-only) since {@code since};
     * racing goes on and the worker tries again by itself. {@code reason} says what to do.
     */
    record Offline(String reason, Instant since) implements BackupStatus {
        public Offline {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }
}
