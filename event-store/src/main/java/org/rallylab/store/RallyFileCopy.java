package org.rallylab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.rallylab.store.RallyFileException.Reason;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * "Save a copy" and {@code rallylab copy}: SQLite's online backup of an open rally file into a
 * hidden file beside the target, read back (its schema and hash chain must be whole and hold as
 * many events as the original), then put in place without ever replacing a file. The caller holds
 * the rally file's lock, so no append happens meanwhile: the copy holds everything acknowledged.
 */
final class RallyFileCopy {

    private RallyFileCopy() {
    }

    static void copy(RallyFile file, Connection db, Path target) throws RallyFileException {
        FileOps.refuseExisting(target);
        FileOps.createFolder(target);
        Path temp = RallyFileOpener.hiddenTemp(target);
        try {
            int rc = ((SQLiteConnection) db).getDatabase().backup("main", temp.toAbsolutePath().toString(), null);
            if (rc != SQLiteErrorCode.SQLITE_OK.code) {
                throw new SQLException("the copy stopped (SQLite code " + rc + ")", null, rc);
            }
            check(file, temp, target);
            RallyFileOpener.publish(temp, target);
        } catch (SQLException e) {
            FileOps.deleteWithSidecars(temp);
            throw Sqlite.failure(target, "copy " + file.path().getFileName() + " to", e);
        } catch (RallyFileException | RuntimeException e) {
            FileOps.deleteWithSidecars(temp);
            throw e;
        }
    }

    /** The copy reads back whole: RallyLab's schema, the chain unbroken and ending where the original's does. */
    private static void check(RallyFile file, Path temp, Path target) throws SQLException, RallyFileException {
        try (Connection copy = Sqlite.open(temp, true, false)) {
            int version = Schema.header(copy).userVersion();
            LogScan.Result scan = LogScan.run(copy, version, Schema.metadata(copy, "rally_id"));
            String problem = !SchemaShape.differences(copy, version).isEmpty() ? "its schema differs"
                    : scan.brokenAt() != null ? scan.brokenAt()
                    : !EventChain.hex(scan.head()).equals(file.chainHead()) ? "it does not end where the rally does"
                    : null;
            if (problem != null) {
                throw new RallyFileException(Reason.IO, target, "the copy of " + file.path().getFileName()
                        + " did not read back whole (" + problem + "): nothing was saved; try again, or save it to"
                        + " another disk");
            }
        }
    }
}
