package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.FileFixtures.listing;
import static org.rallylab.store.FileFixtures.raw;
import static org.rallylab.store.FileFixtures.rallyFile;
import static org.rallylab.store.RallyLogs.SECTION;
import static org.rallylab.store.RallyLogs.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.UnrecognizedEvent;
import org.rallylab.store.RallyFileException.Reason;

/** What a rally file does beyond the {@link EventLogContract}: durability settings, append-only, locking, reopening. */
class RallyFileTest {

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("rally" + RallyFile.EXTENSION);
    }

    private static String pragma(Connection db, String name) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void openForWriting_anyFile_usesWalSynchronousFullAndTheRallyLabMarks() throws Exception {
        rallyFile(file(), RallyLogs.opening(3));

        try (RallyFile log = RallyFile.openForWriting(file())) {
            Connection db = log.connection();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(db, "application_id")).isEqualTo(String.valueOf(0x524C4C42));
            assertThat(pragma(db, "user_version")).isEqualTo(String.valueOf(Schema.CURRENT_VERSION));
            assertThat(Integer.parseInt(pragma(db, "busy_timeout"))).isGreaterThanOrEqualTo(1_000);
            assertThat(pragma(db, "trusted_schema")).isEqualTo("0");
            assertThat(log.schemaVersion()).isEqualTo(Schema.CURRENT_VERSION);
        }
    }

    @Test
    void create_newFile_headerIsMarkedBeforeAnyCheckpointAndMetadataIsSet() throws Exception {
        try (RallyFile log = RallyFile.create(file())) {
            assertThat(FileFixtures.headerInt(file(), 68)).isEqualTo(0x524C4C42);
            assertThat(FileFixtures.headerInt(file(), 60)).isEqualTo(Schema.CURRENT_VERSION);
            try (Statement s = log.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT key, value FROM metadata ORDER BY key")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getString(2));
                }
                assertThat(rows).hasSize(4).anyMatch(r -> r.startsWith("created_at=20"))
                        .anyMatch(r -> r.startsWith("created_by_app=RallyLab")).contains("schema_version=" + Schema.CURRENT_VERSION)
                        .anyMatch(r -> r.matches("writer_id=[1-9][0-9]*"));
            }
            log.append(RallyLogs.rallyCreated());
        }
        try (Connection db = raw(file()); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM metadata WHERE key = 'rally_id'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(RallyLogs.RALLY);
        }
    }

    @Test
    void rawUpdateOrDelete_ofAStoredEvent_isAbortedByTheDatabase() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(3);
        rallyFile(file(), events);

        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET payload = '{}' WHERE sequence = 2"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events WHERE sequence = 6"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        try (RallyFile log = RallyFile.openReadOnly(file())) {
            List<DomainEvent> replayed = new ArrayList<>();
            log.replay(e -> replayed.add(e.event()));
            assertThat(replayed).isEqualTo(events);
        }
    }

    @Test
    void openForWriting_fileAlreadyOpenInThisJvm_refusedAsLocked() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));

        try (RallyFile first = RallyFile.openForWriting(file())) {
            assertThatThrownBy(() -> RallyFile.openForWriting(file()))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED))
                    .hasMessage(file() + " is open for racing in another RallyLab window or program;"
                            + " close it there, or open this file read-only");
            assertThatThrownBy(() -> RallyFile.openForWriting(folder.resolve(".").resolve("rally.rallylab")))
                    .isInstanceOf(RallyFileException.class).hasMessageContaining("open for racing");
            first.append(RallyLogs.carArrived(SECTION, 1, T0 + 99)); // the refused opener did not disturb the holder
        }
        try (RallyFile again = RallyFile.openForWriting(file())) {
            assertThat(again.lastSequence()).isEqualTo(6);
        }
    }

    @Test
    void openForWriting_sameFileThroughASymbolicLink_refusedAsLocked() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));
        Path link;
        try {
            link = Files.createSymbolicLink(folder.resolve("shortcut.rallylab"), file());
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
            return;
        }

        try (RallyFile first = RallyFile.openForWriting(link)) {
            assertThatThrownBy(() -> RallyFile.openForWriting(file())).isInstanceOf(RallyFileException.class)
                    .hasMessageContaining("open for racing");
            assertThat(listing(folder)).noneMatch(name -> name.endsWith(".lock"));
        }
    }

    @Test
    void openReadOnly_whileAWriterIsOpen_seesEachCommittedAppend() throws Exception {
        try (RallyFile writer = RallyFile.create(file());
             RallyFile reader = RallyFile.openReadOnly(file())) {
            assertThat(reader.lastSequence()).isZero();
            writer.append(RallyLogs.opening(2));
            assertThat(reader.lastSequence()).isEqualTo(5);
            assertThat(reader.rallyId()).contains(RallyLogs.RALLY);
            assertThat(reader.rebuild()).isEqualTo(writer.rebuild());
            assertThat(reader.isReadOnly()).isTrue();
            try (Statement s = reader.connection().createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO metadata (key, value) VALUES ('note', 'x')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("readonly");
            }
            assertThatThrownBy(() -> reader.append(RallyLogs.carArrived(SECTION, 1, T0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
            assertThatThrownBy(() -> reader.sync().acknowledge("supabase", 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void close_writer_leavesOnlyTheRallyFile() throws Exception {
        try (RallyFile log = RallyFile.create(file())) {
            log.append(RallyLogs.opening(2));
            assertThat(listing(folder)).contains("rally.rallylab").noneMatch(name -> name.endsWith(".lock"));
        }
        assertThat(listing(folder)).containsExactly("rally.rallylab");
    }

    @Test
    void openReadOnly_closedFile_leavesNothingBehindAndChangesNothing() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));
        String hash = FileFixtures.sha256(file());

        try (RallyFile log = RallyFile.openReadOnly(file())) {
            assertThat(log.rebuild().eventCount()).isEqualTo(5);
        }

        assertThat(listing(folder)).containsExactly("rally.rallylab");
        assertThat(FileFixtures.sha256(file())).isEqualTo(hash);
    }

    @Test
    void openForWriting_lockFileLeftByAnEarlierRallyLab_opens() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));
        Files.writeString(FileOps.sibling(file(), ".lock"), "RallyLab has rally.rallylab open (process 1)\n");

        try (RallyFile log = RallyFile.openForWriting(file())) {
            assertThat(log.lastSequence()).isEqualTo(5);
        }
    }

    @Test
    void reopen_afterClose_keepsEventsRallyAndNumbering() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));

        try (RallyFile log = RallyFile.openForWriting(file())) {
            assertThat(log.rallyId()).contains(RallyLogs.RALLY);
            assertThat(log.append(RallyLogs.carArrived(SECTION, 1, T0 + 50)).sequence()).isEqualTo(6);
            assertThatThrownBy(() -> log.append(new org.rallylab.domain.event.CarArrived(T0, RallyLogs.OTHER_RALLY,
                    SECTION, "1", Extras.NONE))).isInstanceOf(RallyFileException.class)
                    .hasMessageContaining(file().toString()).hasMessageContaining(RallyLogs.OTHER_RALLY);
        }
    }

    /**
     * Issue 11: the disk fills in the middle of a batch (SQLite's page limit stands in for the full
     * disk: the same SQLITE_FULL). Nothing of the batch is stored, the operator is told the disk is
     * full, and once there is space again the next append succeeds without reopening the file.
     */
    @Test
    void append_diskFullInTheMiddleOfABatch_storesNothingOfItAndTheNextAppendSucceeds() throws Exception {
        rallyFile(file(), RallyLogs.opening(2));
        List<DomainEvent> batch = RallyLogs.bigRosters(3);

        try (RallyFile log = RallyFile.openForWriting(file())) {
            long pages = Long.parseLong(pragma(log.connection(), "page_count"));
            FileFixtures.sql(log.connection(), "PRAGMA max_page_count = " + pages);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> log.append(batch))
                        .isInstanceOfSatisfying(RallyFileException.class,
                                e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.DISK_FULL))
                        .hasMessageContaining("append 3 event(s) to " + file())
                        .hasMessageContaining("the disk is full. Free some space");
                assertThat(log.lastSequence()).isEqualTo(5);
            }
            FileFixtures.sql(log.connection(), "PRAGMA max_page_count = " + (pages * 1000));
            assertThat(log.append(batch).get(2).sequence()).isEqualTo(8);
            assertThat(log.verify().problems()).isEmpty();
        }
        try (RallyFile again = RallyFile.openReadOnly(file())) {
            assertThat(again.lastSequence()).isEqualTo(8);
        }
    }

    @Test
    void acknowledge_syncCursor_movesOnlyForwardAndSurvivesReopening() throws Exception {
        try (RallyFile log = RallyFile.create(file())) {
            log.append(RallyLogs.opening(5)); // 8 events
            assertThat(log.sync().syncCursor("supabase")).isZero();
            log.sync().acknowledge("supabase", 5);
            log.sync().acknowledge("supabase", 3); // a late answer to an older batch
            log.sync().acknowledge("usb-backup", 8);
            assertThat(log.sync().syncCursor("supabase")).isEqualTo(5);
            assertThatThrownBy(() -> log.sync().acknowledge("supabase", 9)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holds events 1 to 8");
            assertThatThrownBy(() -> log.sync().acknowledge(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        }
        try (RallyFile log = RallyFile.openReadOnly(file())) {
            assertThat(log.sync().syncCursor("supabase")).isEqualTo(5);
            assertThat(log.sync().syncCursor("usb-backup")).isEqualTo(8);
        }
    }

    @Test
    void create_existingFile_refusedAndLeftUntouched() throws Exception {
        Files.writeString(file(), "my notes");

        assertThatThrownBy(() -> RallyFile.create(file()))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessage(file() + " already exists: choose another name (a rally file is never overwritten)");
        assertThat(Files.readString(file())).isEqualTo("my notes");
        assertThat(listing(folder)).containsExactly("rally.rallylab");
    }

    @Test
    void create_walLeftOverFromADeletedFile_refused() throws Exception {
        Files.writeString(folder.resolve("rally.rallylab-wal"), "stale");

        assertThatThrownBy(() -> RallyFile.create(file())).isInstanceOf(RallyFileException.class)
                .hasMessageContaining("rally.rallylab-wal is left over");
        assertThat(listing(folder)).containsExactly("rally.rallylab-wal");
    }

    @Test
    void create_missingFolders_createsThem() throws Exception {
        Path nested = folder.resolve("RallyLab").resolve("2026").resolve("rally.rallylab");

        try (RallyFile log = RallyFile.create(nested)) {
            assertThat(log.path()).isEqualTo(nested);
        }
        assertThat(nested).isRegularFile();
    }

    @Test
    void open_missingFile_saysSoWithoutCreatingAnything() {
        assertThatThrownBy(() -> RallyFile.openForWriting(file()))
                .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING))
                .hasMessage(file() + " does not exist: check the folder and the name, or create a new rally");
        assertThatThrownBy(() -> RallyFile.openReadOnly(file())).isInstanceOf(RallyFileException.class)
                .hasMessageContaining("does not exist");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anyCall_afterClose_refused() throws Exception {
        RallyFile log = RallyFile.create(file());
        log.close();

        assertThatThrownBy(log::lastSequence).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> log.append(RallyLogs.rallyCreated())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void exportJsonLines_eachEventOnItsOwnLineInOrder() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(2);
        rallyFile(file(), events);
        java.io.StringWriter out = new java.io.StringWriter();

        try (RallyFile log = RallyFile.openReadOnly(file())) {
            log.exportJsonLines(out);
        }

        assertThat(out.toString()).startsWith(events.stream()
                .map(e -> org.rallylab.domain.event.EventJson.write(e) + "\n").reduce("", String::concat)
                + "{\"export_end\":{\"event_count\":" + events.size() + ",\"chain_head\":\"");
    }

    @Test
    void defaultFolder_thisMachine_endsInRallyLab() {
        assertThat(RallyFile.defaultFolder().getFileName().toString()).isEqualTo("RallyLab");
        assertThat(RallyFile.defaultFolder().isAbsolute()).isTrue();
    }
}
