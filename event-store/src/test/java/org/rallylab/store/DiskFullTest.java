package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Issue 11, "a full disk wedges the open rally for good": on a real full disk (a tmpfs) the
 * append that does not fit is rolled back cleanly and said to be a full disk, every later one
 * too (not "cannot start a transaction within a transaction"), and once space is freed the next
 * append succeeds without reopening. Nothing acknowledged is lost. (The same with SQLite's page
 * limit standing in for the disk, which runs everywhere, is in {@link RallyFileTest}.)
 */
class DiskFullTest {

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void append_onAFullDisk_saysDiskFull_andTheNextAppendAfterSpaceIsFreedSucceeds() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(work, "small", 4)) {
            Path rally = disk.path().resolve("race" + RallyFile.EXTENSION);
            long acknowledged;
            try (RallyFile log = RallyFile.create(rally)) {
                log.append(RallyLogs.opening(4));
                Path filler = disk.fill();
                RallyFileException full = null;
                int car = 0;
                while (full == null && car < 100_000) {
                    try {
                        log.append(RallyLogs.rosterLoaded(RallyLogs.sectionId(100 + car++), 200));
                    } catch (RallyFileException e) {
                        full = e;
                    }
                }
                assertThat(full).as("the disk filled up").isNotNull();
                assertThat(full.reason()).isEqualTo(Reason.DISK_FULL);
                assertThat(full.getMessage()).contains("the disk is full. Free some space");
                acknowledged = log.lastSequence();
                for (int again = 0; again < 3; again++) {
                    assertThatThrownBy(() -> log.append(RallyLogs.rosterLoaded(RallyLogs.sectionId(99), 200)))
                            .isInstanceOfSatisfying(RallyFileException.class,
                                    e -> assertThat(e.reason()).isEqualTo(Reason.DISK_FULL));
                    assertThat(log.lastSequence()).isEqualTo(acknowledged);
                }

                Files.delete(filler);

                assertThat(log.append(RallyLogs.rosterLoaded(RallyLogs.sectionId(99), 200)).sequence())
                        .isEqualTo(acknowledged + 1);
                assertThat(log.verify().problems()).isEmpty();
            }
            try (RallyFile reopened = RallyFile.openReadOnly(rally)) {
                assertThat(reopened.lastSequence()).isEqualTo(acknowledged + 1);
                assertThat(reopened.verify().problems()).isEmpty();
            }
        }
    }

    /**
     * On a full disk SQLite does not always say SQLITE_FULL: growing the shared-memory index or
     * writing a page gives SQLITE_IOERR_SHMSIZE, _WRITE, _FSYNC or _TRUNCATE. Those say "disk
     * full" too when the disk is full, and stay disk errors when it is not.
     */
    @Test
    @Timeout(60)
    void ioErrorsOfSqlite_onAFullDisk_saidToBeTheFullDisk() throws Exception {
        List<SQLiteErrorCode> codes = List.of(SQLiteErrorCode.SQLITE_IOERR_SHMSIZE, SQLiteErrorCode.SQLITE_IOERR_WRITE,
                SQLiteErrorCode.SQLITE_IOERR_FSYNC, SQLiteErrorCode.SQLITE_IOERR_TRUNCATE, SQLiteErrorCode.SQLITE_FULL);
        Path roomy = work.resolve("roomy.rallylab");
        assertThat(Sqlite.failure(roomy, "append 1 event(s) to", new SQLiteException("disk I/O error",
                SQLiteErrorCode.SQLITE_IOERR_WRITE)).reason()).isEqualTo(Reason.IO);
        try (SmallDisk disk = SmallDisk.mount(work, "full", 1)) {
            Path file = disk.path().resolve("race" + RallyFile.EXTENSION);
            disk.fill();
            for (SQLiteErrorCode code : codes) {
                RallyFileException e = Sqlite.failure(file, "append 1 event(s) to", new SQLiteException(
                        "disk I/O error", code));
                assertThat(e.reason()).as(code.name()).isEqualTo(Reason.DISK_FULL);
                assertThat(e.getMessage()).contains("the disk is full. Free some space");
            }
        }
    }
}
