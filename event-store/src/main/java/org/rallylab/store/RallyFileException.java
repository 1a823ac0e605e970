package org.rallylab.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A rally file could not be opened, read or written. The message names the file and says what
 * to do; {@link #reason()} lets a screen choose how to offer it (open read-only, pick another
 * file, update RallyLab).
 */
public class RallyFileException extends Exception {

    /** Why the file could not be used. */
    public enum Reason {
        /** No file at that path. */
        MISSING,
        /** Creating or importing would overwrite a file (never done). */
        ALREADY_EXISTS,
        /** Another RallyLab window or program has the file open for writing. */
        LOCKED,
        /** The file is not a rally file: not an SQLite database, or one of another program. */
        NOT_A_RALLY_FILE,
        /** A newer RallyLab wrote the file; this version cannot read its schema. */
        NEWER_SCHEMA,
        /** The file is a rally file but damaged, or was changed outside RallyLab. */
        CORRUPT,
        /**
         * The file's hash chain shows an event was changed, removed or moved after it was written:
         * it cannot be raced on, but can still be looked at ({@link RallyFile#openForInspection}).
         */
        CHANGED,
        /** An event of another rally was offered to this rally's log. */
        WRONG_RALLY,
        /**
         * The disk is full: nothing was written, the file is as it was and takes the next write as
         * soon as there is space again (no need to reopen it).
         */
        DISK_FULL,
        /**
         * An event breaks the limits or the order every rally log keeps (EntryCheck): nothing was
         * stored. The message names the event, the field and the limit.
         */
        REFUSED,
        /** The disk refused: read-only, removed, or another input/output failure. */
        IO
    }

    private final Reason reason;
    private final transient Path file;

    public RallyFileException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public RallyFileException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The rally file concerned; empty for a log that has no file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
