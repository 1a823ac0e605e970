package org.rallylab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rally file's tables, by schema version, and the steps between versions.
 *
 * <pre>
 * version 1: events, metadata, and the append-only triggers
 * version 2: + sync_cursor, + index on events(section_id)
 * </pre>
 *
 * The file is marked with {@code PRAGMA application_id} ({@link #APPLICATION_ID}, "RLLB") and
 * {@code PRAGMA user_version} (the schema version), so it can be recognised from its first 100
 * bytes ({@link FileHeader}). A new file gets its schema and both marks in rollback-journal
 * mode, so the main file's header is right from the first commit, and only then switches to WAL.
 */
final class Schema {

    /** "RLLB" in ASCII. */
    static final int APPLICATION_ID = 0x524C4C42;
    static final int OLDEST_VERSION = 1;
    static final int CURRENT_VERSION = 2;

    static final String EVENTS = """
            CREATE TABLE events (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                section_id TEXT NULL,
                timestamp INTEGER NOT NULL,
                payload TEXT NOT NULL
            )""";
    static final String METADATA = "CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)";
    static final String NO_UPDATE = """
            CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never changed'); END""";
    static final String NO_DELETE = """
            CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never deleted'); END""";
    static final String SYNC_CURSOR = """
            CREATE TABLE sync_cursor (
                target TEXT PRIMARY KEY,
                acknowledged_sequence INTEGER NOT NULL
            )""";
    static final String SECTION_INDEX = "CREATE INDEX events_section_id ON events (section_id)";
    static final List<String> TRIGGERS = List.of("events_append_only_update", "events_append_only_delete");

    /** The statements that take a file from version {@code key - 1} to version {@code key}. */
    private static final Map<Integer, List<String>> STEPS = Map.of(
            1, List.of(EVENTS, METADATA, NO_UPDATE, NO_DELETE),
            2, List.of(SYNC_CURSOR, SECTION_INDEX));

    private Schema() {
    }

    /** Gives an empty database the current schema and marks, in one transaction, then switches to WAL. */
    static void create(Connection db, String createdByApp) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeQuery("PRAGMA journal_mode = DELETE").close();
            inTransaction(db, () -> {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                upgrade(db, s, 0);
                putMetadata(db, "created_at", Instant.now().toString());
                putMetadata(db, "created_by_app", createdByApp);
            });
            useWal(s);
        }
    }

    /**
     * Brings a file of version {@code from} to the current version in one transaction: after a
     * failure the file is as it was. Then switches to WAL and checkpoints, so the new version is
     * in the main file's header.
     */
    static void migrate(Connection db, int from) throws SQLException {
        try (Statement s = db.createStatement()) {
            if (from < CURRENT_VERSION) {
                inTransaction(db, () -> upgrade(db, s, from));
            }
            useWal(s);
        }
    }

    /** The version the file's schema has, as SQLite sees it (after any WAL content). */
    static FileHeader header(Connection db) throws SQLException {
        return new FileHeader(intPragma(db, "user_version"), intPragma(db, "application_id"));
    }

    static int intPragma(Connection db, String pragma) throws SQLException {
        try (Statement s = db.createStatement(); var rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static String stringPragma(Connection db, String pragma) throws SQLException {
        try (Statement s = db.createStatement(); var rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void upgrade(Connection db, Statement s, int from) throws SQLException {
        for (int version = from + 1; version <= CURRENT_VERSION; version++) {
            for (String sql : STEPS.get(version)) {
                s.execute(sql);
            }
        }
        putMetadata(db, "schema_version", String.valueOf(CURRENT_VERSION));
        s.execute("PRAGMA user_version = " + CURRENT_VERSION);
    }

    private static void useWal(Statement s) throws SQLException {
        try (var rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
            String mode = rs.next() ? rs.getString(1) : "";
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new SQLException("the file cannot use write-ahead logging (journal mode stays \"" + mode
                        + "\"): is it on a network drive? Keep rally files on a local disk or USB stick");
            }
        }
        s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)").close();
    }

    static void putMetadata(Connection db, String key, String value) throws SQLException {
        try (PreparedStatement put = db.prepareStatement("INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)")) {
            put.setString(1, key);
            put.setString(2, value);
            put.executeUpdate();
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} between BEGIN IMMEDIATE and COMMIT; rolls back when it fails. */
    static void inTransaction(Connection db, Work work) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
