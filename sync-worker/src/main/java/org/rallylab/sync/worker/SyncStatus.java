package org.rallylab.sync.worker;

import java.time.Instant;
import java.util.Objects;

/**
 * What the operator's sync badge shows: {@link Synced}, {@link Waiting} (events not on the
 * server yet), {@link Offline} (retrying by itself), {@link SignedOut} or {@link Error} (both
 * stopped until the operator acts: sign in again, or "retry now").
 */
public sealed interface SyncStatus {

    /** The badge's kind, for a switch in the UI. */
    enum Kind { SYNCED, WAITING, OFFLINE, SIGNED_OUT, ERROR }

    Kind kind();

    /** The words for the badge. */
    String message();

    /** Every event of the rally file is on the server. */
    record Synced() implements SyncStatus {
        @Override
        public Kind kind() {
            return Kind.SYNCED;
        }

        @Override
        public String message() {
            return "synced";
        }
    }

    /** {@code count} events are not on the server yet; they are being pushed. */
    record Waiting(long count) implements SyncStatus {
        @Override
        public Kind kind() {
            return Kind.WAITING;
        }

        @Override
        public String message() {
            return count + " waiting";
        }
    }

    /** The server could not be reached or was busy; the next try is at {@code nextRetry}. */
    record Offline(long waiting, Instant nextRetry, String reason) implements SyncStatus {
        public Offline {
            Objects.requireNonNull(nextRetry, "nextRetry");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.OFFLINE;
        }

        @Override
        public String message() {
            return "offline, " + waiting + " waiting: " + reason;
        }
    }

    /** Pushing stopped: nobody is signed in, or the sign-in expired and could not be renewed. */
    record SignedOut(String reason) implements SyncStatus {
        public SignedOut {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.SIGNED_OUT;
        }

        @Override
        public String message() {
            return "signed out: " + reason;
        }
    }

    /** Pushing stopped on an error a person must look at (the server's own message included). */
    record Error(String reason) implements SyncStatus {
        public Error {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.ERROR;
        }

        @Override
        public String message() {
            return "error: " + reason;
        }
    }
}
