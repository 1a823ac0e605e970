package org.rallylab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.rallylab.store.RallyFileException.Reason;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/** Opens SQLite connections the way rally files need them, and turns SQLite's errors into {@link RallyFileException}s. */
final class Sqlite {

    static final int BUSY_TIMEOUT_MS = 5_000;

    private Sqlite() {
    }

    /**
     * A connection to an existing file ({@code create} false) or a new one, with
     * {@code synchronous=FULL}: in WAL mode every commit is then on the disk when it returns.
     * {@code trusted_schema=OFF}: a crafted file's triggers and views cannot call functions with
     * side effects.
     *
     * <p>A read-only connection is opened read-write with {@code query_only=ON} rather than with
     * SQLite's read-only flag: a read-only connection to a WAL file creates {@code -wal} and
     * {@code -shm} files it can never remove, while this one, as the last to close, removes
     * them like a writer would. No SQL through it can change the file. (On a write-protected
     * disk SQLite falls back to a plain read-only open by itself.)
     */
    static Connection open(Path file, boolean readOnly, boolean create) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection db = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA trusted_schema = OFF");
            if (readOnly) {
                s.execute("PRAGMA query_only = ON");
            }
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Commits stop waiting for the disk: for a hidden file that is forced to the disk as a whole
     * before anyone sees it, so a restore of many short runs of events takes no fsync per run.
     */
    static void unsynced(Connection db, Path file) throws RallyFileException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
        } catch (SQLException e) {
            throw failure(file, "prepare", e);
        }
    }

    /** The disk holding {@code file} is full. */
    static RallyFileException diskFull(Path file, String doing, Exception e) {
        return new RallyFileException(Reason.DISK_FULL, file, "cannot " + doing + " " + file
                + ": the disk is full. Free some space (delete files you do not need, empty the trash);"
                + " nothing recorded was lost", e);
    }

    /** What went wrong while {@code doing} something with {@code file}, in words, with what to do. */
    static RallyFileException failure(Path file, String doing, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String detail = e.getMessage();
        if (code == null) {
            return new RallyFileException(Reason.IO, file, "cannot " + doing + " " + file + ": " + detail, e);
        }
        switch (code.code & 0xFF) {
            case 5, 6 -> { // SQLITE_BUSY, SQLITE_LOCKED
                return new RallyFileException(Reason.LOCKED, file, "cannot " + doing + " " + file
                        + ": another program kept it busy for " + BUSY_TIMEOUT_MS / 1000
                        + " s; close other programs that have it open and try again", e);
            }
            case 11, 26 -> { // SQLITE_CORRUPT, SQLITE_NOTADB
                return new RallyFileException(Reason.CORRUPT, file, "cannot " + doing + " " + file
                        + ": the file is damaged (" + detail + "); restore it from a backup or the cloud copy", e);
            }
            case 19 -> { // SQLITE_CONSTRAINT: only a file changed outside RallyLab refuses RallyLab's own rows
                return new RallyFileException(Reason.CORRUPT, file, "cannot " + doing + " " + file
                        + ": the file refused it (" + detail + "); it was changed outside RallyLab."
                        + " Nothing was stored; restore it from a backup or the cloud copy", e);
            }
            case 13 -> { // SQLITE_FULL
                return diskFull(file, doing, e);
            }
            case 8 -> { // SQLITE_READONLY
                return new RallyFileException(Reason.IO, file, "cannot " + doing + " " + file
                        + ": the file or its folder cannot be written (read-only disk, USB stick or permissions);"
                        + " copy it to a folder you can write to, or open it read-only", e);
            }
            case 14 -> { // SQLITE_CANTOPEN
                return new RallyFileException(Reason.IO, file, "cannot " + doing + " " + file
                        + ": it cannot be opened (" + detail + "); check that the disk or USB stick is there", e);
            }
            case 10 -> { // SQLITE_IOERR, and on a full disk SQLITE_IOERR_SHMSIZE, _WRITE, _FSYNC, _TRUNCATE ...
                if (FileOps.diskFull(file)) {
                    return diskFull(file, doing, e);
                }
                return new RallyFileException(Reason.IO, file, "cannot " + doing + " " + file
                        + ": the disk reported an error (" + detail + "); check the disk or USB stick", e);
            }
            default -> {
                return new RallyFileException(Reason.IO, file, "cannot " + doing + " " + file + ": " + detail, e);
            }
        }
    }
}
