package org.rallylab.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Makes and opens rally files ({@link RallyFile}'s factory methods), in this order for an
 * existing file: its first 100 bytes are checked with plain Java I/O through this process's one
 * {@link FileHandle} on it (a file that is not a rally file, or is newer, is refused without a
 * byte changed and without files created next to it); the writer lock is taken; SQLite opens it;
 * the schema must be exactly RallyLab's ({@link SchemaShape}); an older schema is migrated (one
 * transaction); and one {@link LogScan} checks the hash chain.
 */
final class RallyFileOpener {

    private RallyFileOpener() {
    }

    static RallyFile create(Path file, long writerId) throws RallyFileException {
        FileOps.refuseExisting(file);
        FileOps.createFolder(file);
        FileHandle handle = FileHandle.create(file);
        Connection db = null;
        try {
            db = Sqlite.open(file, false, false);
            Schema.create(db, createdByApp(), writerId);
            AtomicFiles.syncFolder(file.toAbsolutePath().getParent());
            return new RallyFile(file, db, handle, null, Schema.CURRENT_VERSION,
                    LogScan.run(db, Schema.CURRENT_VERSION, null));
        } catch (SQLException e) {
            abandon(file, db, handle);
            throw Sqlite.failure(file, "create", e);
        } catch (RuntimeException e) {
            abandon(file, db, handle);
            throw e;
        }
    }

    /** Undoes a failed create: nothing of it stays behind. */
    private static void abandon(Path file, Connection db, FileHandle handle) {
        closeQuietly(db);
        handle.close();
        FileOps.deleteWithSidecars(file);
    }

    static RallyFile openForWriting(Path file) throws RallyFileException {
        FileHeader.refuseFolder(file);
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isWritable(file) && folder != null && !Files.isWritable(folder)) {
            throw new RallyFileException(Reason.IO, file, "the folder " + folder + " cannot be written (a"
                    + " write-protected USB stick, or a folder of another user), and racing needs to write beside the"
                    + " file: copy it to a folder you can write to, or open it read-only");
        }
        FileHandle handle = FileHandle.open(file);
        Connection db = null;
        try {
            FileHeader.probe(file, handle);
            handle.lockForWriting();
            db = Sqlite.open(file, false, false);
            FileHeader header = Schema.header(db);
            header.check(file);
            requireShape(file, db, header.userVersion());
            migrate(file, db, header.userVersion());
            LogScan.Result scan = LogScan.run(db, Schema.CURRENT_VERSION, Schema.metadata(db, "rally_id"));
            if (scan.brokenAt() != null) {
                throw brokenChain(file, scan.brokenAt());
            }
            return new RallyFile(file, db, handle, null, Schema.CURRENT_VERSION, scan);
        } catch (SQLException e) {
            closeQuietly(db);
            handle.close();
            throw Sqlite.failure(file, "open", e);
        } catch (RallyFileException | RuntimeException e) {
            closeQuietly(db);
            handle.close();
            throw e;
        }
    }

    /**
     * A read-only open; {@code inspect}: a broken chain does not refuse the file (and is found now,
     * for {@link RallyFile#chainProblem()}); otherwise the chain is checked by the first full replay,
     * in the same pass, which refuses at the first event that does not match. A file that cannot be
     * written (read-only media) is read through a {@link ReadCopy}.
     */
    static RallyFile openReadOnly(Path file, boolean inspect) throws RallyFileException {
        FileHeader.refuseFolder(file);
        if (ReadCopy.needed(file)) {
            FileHeader.probe(file);
            ReadCopy copy = ReadCopy.of(file);
            try {
                return readOnly(file, copy.copy(), null, copy, inspect);
            } catch (RallyFileException | RuntimeException e) {
                copy.close();
                throw e;
            }
        }
        FileHandle handle = FileHandle.open(file);
        try {
            FileHeader.probe(file, handle);
            return readOnly(file, file, handle, null, inspect);
        } catch (RallyFileException | RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private static RallyFile readOnly(Path file, Path open, FileHandle handle, ReadCopy copy, boolean inspect)
            throws RallyFileException {
        Connection db = null;
        try {
            db = Sqlite.open(open, true, false);
            FileHeader header = Schema.header(db);
            header.check(file);
            requireShape(file, db, header.userVersion());
            LogScan.Result scan = inspect ? LogScan.run(db, header.userVersion(), Schema.metadata(db, "rally_id"))
                    : LogScan.headOnly(db, header.userVersion());
            return new RallyFile(file, db, handle, copy, header.userVersion(), scan);
        } catch (SQLException e) {
            closeQuietly(db);
            throw Sqlite.failure(file, "open", e);
        } catch (RallyFileException | RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** {@link RallyFile#verify(Path)}: an inspection open that refuses nothing but a file that is not a rally file. */
    static IntegrityReport verify(Path file) throws RallyFileException {
        FileHeader.refuseFolder(file);
        ReadCopy copy = null;
        FileHandle handle = null;
        Path open = file;
        if (ReadCopy.needed(file)) {
            FileHeader.probe(file);
            copy = ReadCopy.of(file);
            open = copy.copy();
        } else {
            handle = FileHandle.open(file);
        }
        try {
            if (handle != null) {
                FileHeader.probe(file, handle);
            }
            try (Connection db = Sqlite.open(open, true, false)) {
                return Integrity.check(file, db, Schema.header(db).userVersion());
            } catch (SQLException e) {
                throw Sqlite.failure(file, "open", e);
            }
        } finally {
            if (handle != null) {
                handle.close();
            }
            if (copy != null) {
                copy.close();
            }
        }
    }

    static <T> T createAtomically(Path target, long writerId, RallyFile.Filling<T> filling)
            throws RallyFileException {
        if (writerId < 0 || writerId > Schema.MAX_WRITER_ID) {
            throw new IllegalArgumentException("writer id " + writerId + " is out of range: it is 0 to "
                    + Schema.MAX_WRITER_ID);
        }
        FileOps.refuseExisting(target);
        FileOps.createFolder(target);
        removeAbandoned(target);
        Path temp = hiddenTemp(target);
        try {
            T result;
            try (RallyFile file = create(temp, writerId)) {
                file.unsyncedUntilClosed();
                result = filling.fill(file);
            }
            publish(temp, target);
            return result;
        } catch (RallyFileException | RuntimeException e) {
            FileOps.deleteWithSidecars(temp);
            throw e;
        }
    }

    /** A name for a file being made for {@code target}: hidden, beside it, and nobody else's. */
    static Path hiddenTemp(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + CREATING);
    }

    private static final String CREATING = ".creating";

    /**
     * Deletes what a create that crashed left for {@code target}: hidden files being made, which no
     * process holds for writing any more (one that is being made now is locked, and is left alone).
     */
    private static void removeAbandoned(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        String glob = "." + target.getFileName().toString().replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1") + ".*" + CREATING;
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, glob)) {
            for (Path abandoned : left) {
                try (FileHandle handle = FileHandle.open(abandoned)) {
                    handle.lockForWriting();
                    FileOps.deleteWithSidecars(abandoned);
                } catch (RallyFileException e) {
                    // being made by someone else right now, or already gone
                }
            }
        } catch (IOException | RuntimeException e) {
            // leftovers are hidden and harmless
        }
    }

    /** Puts a finished, closed rally file in place under {@code target}, never over an existing file. */
    static void publish(Path finished, Path target) throws RallyFileException {
        for (String suffix : FileOps.SQLITE_SIDECARS) {
            if (Files.exists(FileOps.sibling(finished, suffix))) {
                throw new RallyFileException(Reason.IO, target, "cannot finish " + target + ": SQLite left "
                        + FileOps.sibling(finished, suffix).getFileName() + " behind; nothing was created, try again");
            }
        }
        try {
            AtomicFiles.publish(finished, target);
        } catch (FileAlreadyExistsException e) {
            throw new RallyFileException(Reason.ALREADY_EXISTS, target, target
                    + " already exists: choose another name (a rally file is never overwritten)", e);
        } catch (IOException e) {
            if (FileOps.diskFull(target)) {
                throw Sqlite.diskFull(target, "create", e);
            }
            throw new RallyFileException(Reason.IO, target, "cannot create " + target + " (" + e
                    + "): nothing was created; choose a folder you can write to", e);
        }
    }

    private static void requireShape(Path file, Connection db, int version) throws SQLException, RallyFileException {
        List<String> differences = SchemaShape.differences(db, version);
        if (!differences.isEmpty()) {
            throw new RallyFileException(Reason.CORRUPT, file, file + " was changed outside RallyLab: "
                    + String.join("; ", differences) + ". It is not opened, not even to read (a file changed this way"
                    + " could rewrite what is stored); restore it from a backup or the cloud copy");
        }
    }

    static RallyFileException brokenChain(Path file, String brokenAt) {
        return new RallyFileException(Reason.CHANGED, file, file + " was changed after it was written: " + brokenAt
                + ". It cannot be raced on: restore the rally from a backup or the cloud copy. It can still be looked"
                + " at read-only, and rallylab verify lists what is wrong");
    }

    private static void migrate(Path file, Connection db, int from) throws SQLException, RallyFileException {
        try {
            Schema.migrate(db, from);
        } catch (SQLException e) {
            if (from == Schema.CURRENT_VERSION) {
                throw e;
            }
            throw new RallyFileException(Reason.CORRUPT, file, "cannot update " + file + " from schema " + from
                    + " to " + Schema.CURRENT_VERSION + " (" + e.getMessage() + "): the file was left as it was;"
                    + " open it read-only, or restore it from a backup or the cloud copy", e);
        }
    }

    private static String createdByApp() {
        String version = RallyFile.class.getPackage().getImplementationVersion();
        return "RallyLab " + (version == null ? "(development build)" : version);
    }

    static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // already failing; the first error is the one to report
            }
        }
    }
}
