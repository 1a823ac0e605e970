package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.Disk;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * The USB backup (docs/file-formats.md, USB backup): {@link #write} puts the whole log of a rally file into
 * {@value #FILE_NAME} in a folder (safely: a pulled stick leaves the previous backup),
 * {@link #read} checks a backup file completely, and {@link #restore} turns one into a new rally
 * file. The format is described in the package documentation.
 */
public final class BackupFiles {

    /** The backup's name in the chosen folder; each write replaces it whole. */
    public static final String FILE_NAME = "rallylab-backup.json";

    /** What a write put on the disk: the file, how many events, its size and its {@code written_at}. */
    public record Written(Path file, long events, long bytes, Instant at) {
        public Written {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A rally file made from a backup. */
    public record Restored(Path file, String rallyId, String rallyName, int events) {
        public Restored {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(rallyId, "rallyId");
            Objects.requireNonNull(rallyName, "rallyName");
        }
    }

    private BackupFiles() {
    }

    /**
     * Writes the whole log of {@code file} (read in one consistent snapshot) to
     * {@code folder/}{@value #FILE_NAME}: to a temporary file first, forced to the disk, then
     * renamed over the previous backup, and the folder synced where the system allows. The
     * previous backup is never touched before the rename.
     *
     * @throws IOException the folder is gone, full or read-only, or the rally file cannot be
     *     read; the message says what to do, and no temporary file is left behind
     * @throws IllegalStateException the rally file has no events yet, or does not start with
     *     RallyCreated (there is nothing a backup could restore)
     */
    public static Written write(RallyFile file, Path folder) throws IOException {
        return write(file, folder, Disk.LOCAL, Clock.systemUTC());
    }

    /** {@link #write(RallyFile, Path)} through a {@link Disk} of the caller's and with its clock. */
    static Written write(RallyFile file, Path folder, Disk disk, Clock clock) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(folder, "folder");
        return BackupWriter.write(file, folder, disk, clock);
    }

    /**
     * Reads and checks a backup file completely: that it can be read, its size, UTF-8, JSON,
     * format, version, rally id, event count, both checksums, every event's place, fields, decoding
     * and rally, that it starts with RallyCreated, and that the whole log folds.
     *
     * @throws InvalidInputException naming the file and the check that failed, in plain words
     */
    public static Backup read(Path backupJson) throws InvalidInputException {
        return BackupFileReader.read(backupJson);
    }

    /**
     * Makes {@code newRallyFile} from a backup: {@link #read} first, then the events go with
     * their sequence numbers, their server marks and the backup's writer id into a temporary
     * rally file that is renamed into place, so the file appears complete or not at all. Each
     * sync target gets a cursor at 0, so the app copies the rally to that cloud again (the
     * cloud recognises what it already has).
     *
     * @throws InvalidInputException the backup failed a check; nothing was created
     * @throws RallyFileException {@code newRallyFile} exists ({@code ALREADY_EXISTS}; it is not
     *     touched) or cannot be written
     */
    public static Restored restore(Path backupJson, Path newRallyFile) throws InvalidInputException,
            RallyFileException {
        return BackupRestore.restore(read(backupJson), newRallyFile);
    }
}
