package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.FileFixtures.sha256;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;

/** Version 1 files (events + metadata + triggers, no sync_cursor, no section index) and their move to version 2. */
class MigrationTest {

    /**
     * The version 1 schema, written out here as RallyLab 1 made it (its SQL, line breaks aside),
     * independent of {@link Schema}: the exact-schema check must accept it.
     */
    static final List<String> V1 = List.of(
            "PRAGMA application_id = 1380731970", // 0x524C4C42, "RLLB"
            "CREATE TABLE events (sequence INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,"
                    + " section_id TEXT NULL, timestamp INTEGER NOT NULL, payload TEXT NOT NULL )",
            "CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
                    + " BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never changed'); END",
            "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events"
                    + " BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never deleted'); END",
            "INSERT INTO metadata VALUES ('schema_version', '1'), ('created_at', '2025-11-01T18:00:00Z'),"
                    + " ('created_by_app', 'RallyLab 1.0'), ('rally_id', '" + RallyLogs.RALLY + "')",
            "PRAGMA user_version = 1");

    @TempDir
    Path folder;

    private Path v1File(List<DomainEvent> events, String... extra) throws Exception {
        Path file = folder.resolve("v1.rallylab");
        try (Connection db = FileFixtures.raw(file); Statement s = db.createStatement()) {
            for (String sql : V1) {
                s.execute(sql);
            }
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            for (String sql : extra) {
                s.execute(sql);
            }
            FileFixtures.insertRows(db, events);
        }
        return file;
    }

    private static List<String> names(Connection db, String type) throws Exception {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name")) {
            s.setString(1, type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Test
    void openForWriting_version1File_migratesToTheCurrentVersionKeepingEveryEvent() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(4);
        Path file = v1File(events);

        try (RallyFile log = RallyFile.openForWriting(file)) {
            assertThat(log.schemaVersion()).isEqualTo(Schema.CURRENT_VERSION);
            assertThat(FileFixtures.headerInt(file, 60)).as("checkpointed into the main file's header")
                    .isEqualTo(Schema.CURRENT_VERSION);
            assertThat(log.sync().writerId()).as("files older than version 3 keep pushing plain sequence numbers").isZero();
            assertThat(names(log.connection(), "table")).contains("events", "metadata", "sync_cursor", "remote_events",
                    "pull_cursor");
            assertThat(names(log.connection(), "index")).contains("events_section_id");
            List<DomainEvent> replayed = new ArrayList<>();
            log.replay(e -> replayed.add(e.event()));
            assertThat(replayed).isEqualTo(events);
            assertThat(log.rallyId()).contains(RallyLogs.RALLY);
            assertThat(log.append(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 77)).sequence())
                    .isEqualTo(events.size() + 1);
            log.sync().acknowledge("supabase", 3);
            assertThat(log.verify().problems()).isEmpty();
        }
        try (Connection db = FileFixtures.raw(file); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM metadata WHERE key = 'schema_version'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(String.valueOf(Schema.CURRENT_VERSION));
        }
    }

    @Test
    void openReadOnly_version1File_readsItWithoutMigrating() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(2);
        Path file = v1File(events);
        String hash = sha256(file);

        try (RallyFile log = RallyFile.openReadOnly(file)) {
            assertThat(log.schemaVersion()).isEqualTo(1);
            assertThat(log.rebuild().eventCount()).isEqualTo(events.size());
            assertThat(log.sync().syncCursor("supabase")).isZero();
            assertThat(log.verify().problems()).isEmpty();
        }
        assertThat(sha256(file)).isEqualTo(hash);
        assertThat(FileFixtures.headerInt(file, 60)).isEqualTo(1);
    }

    /**
     * A migration that fails half-way (here: an injected failure after the steps to version 3, as a
     * full disk would) rolls back whole: the file stays a sound version 1 file, byte for byte.
     */
    @Test
    void openForWriting_migrationFailsHalfWay_leavesTheVersion1FileIntact() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(3);
        Path file = v1File(events);
        String hash = sha256(file);

        Schema.afterStep = version -> {
            if (version == 3) {
                throw new java.sql.SQLException("injected: the disk gave out after version 3");
            }
        };
        try {
            assertThatThrownBy(() -> RallyFile.openForWriting(file))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.CORRUPT))
                .hasMessageStartingWith("cannot update " + file + " from schema 1 to " + Schema.CURRENT_VERSION + " (")
                .hasMessageContaining("the disk gave out")
                .hasMessageEndingWith("the file was left as it was; open it read-only, or restore it from a backup"
                        + " or the cloud copy");
        } finally {
            Schema.afterStep = null;
        }

        assertThat(sha256(file)).isEqualTo(hash);
        assertThat(FileFixtures.headerInt(file, 60)).isEqualTo(1);
        assertThat(FileFixtures.listing(folder)).containsExactly("v1.rallylab");
        try (RallyFile log = RallyFile.openReadOnly(file)) {
            assertThat(log.schemaVersion()).isEqualTo(1);
            List<DomainEvent> replayed = new ArrayList<>();
            log.replay(e -> replayed.add(e.event()));
            assertThat(replayed).isEqualTo(events);
            assertThat(names(log.connection(), "index")).doesNotContain("events_section_id");
        }
        try (RallyFile log = RallyFile.openForWriting(file)) {
            assertThat(log.schemaVersion()).as("the lock was released, and the next open migrates")
                    .isEqualTo(Schema.CURRENT_VERSION);
        }
    }
}
