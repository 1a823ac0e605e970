package org.rallylab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * version 3: + remote_events and pull_cursor (events pulled from the cloud, which are never
 *            pushed back), + metadata writer_id (this file's number among the laptops writing
 *            the same rally; 0 for files made before version 3)
 * version 4: + events.hash, each event's link in the {@link EventChain} (the events already in
 *            the file are chained when it is brought to version 4, in the same transaction)
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
    static final int CURRENT_VERSION = 4;

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
    /** Which local events came from a server (its row id there): the push worker skips them. */
    static final String REMOTE_EVENTS = """
            CREATE TABLE remote_events (
                sequence INTEGER PRIMARY KEY REFERENCES events (sequence),
                source TEXT NOT NULL,
                server_id INTEGER NOT NULL,
                UNIQUE (source, server_id)
            )""";
    static final String REMOTE_NO_UPDATE = """
            CREATE TRIGGER remote_events_append_only_update BEFORE UPDATE ON remote_events
            BEGIN SELECT RAISE(ABORT, 'remote_events are append-only'); END""";
    static final String REMOTE_NO_DELETE = """
            CREATE TRIGGER remote_events_append_only_delete BEFORE DELETE ON remote_events
            BEGIN SELECT RAISE(ABORT, 'remote_events are append-only'); END""";
    /** The highest server row id read from each server, the next pull's starting point. */
    static final String PULL_CURSOR = """
            CREATE TABLE pull_cursor (
                source TEXT PRIMARY KEY,
                last_server_id INTEGER NOT NULL
            )""";
    /** Files older than version 3 pushed their sequence numbers as they are: writer 0 keeps that. */
    static final String WRITER_ZERO = "INSERT OR IGNORE INTO metadata (key, value) VALUES ('writer_id', '0')";
    static final List<String> TRIGGERS = List.of("events_append_only_update", "events_append_only_delete",
            "remote_events_append_only_update", "remote_events_append_only_delete");
    /** The triggers a file of {@code version} must have. */
    static List<String> triggers(int version) {
        return version >= 3 ? TRIGGERS : TRIGGERS.subList(0, 2);
    }

    /** Whether events carry their hash in the chain (version 4 on). */
    static boolean chained(int version) {
        return version >= 4;
    }

    /** Version 4's column: each event's hash in the chain. */
    static final String HASH_COLUMN = "ALTER TABLE events ADD COLUMN hash BLOB";
    /** The update trigger is set aside while version 4 chains the events already in the file. */
    static final String DROP_NO_UPDATE = "DROP TRIGGER events_append_only_update";

    /** One step of a migration: a statement, or work done in Java. */
    @FunctionalInterface
    private interface Step {
        void run(Connection db, Statement s) throws SQLException;
    }

    private static Step sql(String statement) {
        return (db, s) -> s.execute(statement);
    }

    /** The steps that take a file from version {@code key - 1} to version {@code key}. */
    private static final Map<Integer, List<Step>> STEPS = Map.of(
            1, List.of(sql(EVENTS), sql(METADATA), sql(NO_UPDATE), sql(NO_DELETE)),
            2, List.of(sql(SYNC_CURSOR), sql(SECTION_INDEX)),
            3, List.of(sql(REMOTE_EVENTS), sql(REMOTE_NO_UPDATE), sql(REMOTE_NO_DELETE), sql(PULL_CURSOR),
                    sql(WRITER_ZERO)),
            4, List.of(sql(DROP_NO_UPDATE), sql(HASH_COLUMN), (db, s) -> chainExisting(db), sql(NO_UPDATE)));

    private Schema() {
    }

    /** Gives an empty database the current schema and marks, in one transaction, then switches to WAL. */
    static void create(Connection db, String createdByApp) throws SQLException {
        create(db, createdByApp, newWriterId());
    }

    /** The same with a given writer id (a file restored from a backup keeps the one it had). */
    static void create(Connection db, String createdByApp, long writerId) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeQuery("PRAGMA journal_mode = DELETE").close();
            inTransaction(db, () -> {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                upgrade(db, s, 0);
                putMetadata(db, "created_at", Instant.now().toString());
                putMetadata(db, "created_by_app", createdByApp);
                putMetadata(db, "writer_id", String.valueOf(writerId));
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

    /**
     * A random writer id, 1 to 2<sup>30</sup>: with the sequence in the low 32 bits of a cloud
     * {@code client_event_id} it still fits a positive bigint, and two laptops writing one rally
     * pick the same number with odds of about one in a billion.
     */
    static long newWriterId() {
        return 1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(MAX_WRITER_ID);
    }

    /** The largest writer id (2<sup>30</sup>); 0 is the writer id of files made before version 3. */
    static final long MAX_WRITER_ID = 1L << 30;

    private static void upgrade(Connection db, Statement s, int from) throws SQLException {
        upgrade(db, s, from, CURRENT_VERSION);
        putMetadata(db, "schema_version", String.valueOf(CURRENT_VERSION));
        s.execute("PRAGMA user_version = " + CURRENT_VERSION);
    }

    /** Runs the steps from version {@code from} to {@code to} (no marks): also how {@link SchemaShape} learns each version's shape. */
    static void upgrade(Connection db, Statement s, int from, int to) throws SQLException {
        for (int version = from + 1; version <= to; version++) {
            for (Step step : STEPS.get(version)) {
                step.run(db, s);
            }
            StepWatch watch = afterStep;
            if (watch != null) {
                watch.after(version);
            }
        }
    }

    /** Called after each version's steps; a test makes a migration fail half-way with it (a full disk would). */
    @FunctionalInterface
    interface StepWatch {
        void after(int version) throws SQLException;
    }

    /** Null in RallyLab itself. */
    static volatile StepWatch afterStep;

    /** Gives every event already in the file its hash in the chain (version 4). */
    private static void chainExisting(Connection db) throws SQLException {
        EventChain chain = new EventChain();
        try (Statement read = db.createStatement();
             ResultSet rows = read.executeQuery("SELECT sequence, type, timestamp, payload FROM events ORDER BY sequence");
             PreparedStatement write = db.prepareStatement("UPDATE events SET hash = ? WHERE sequence = ?")) {
            while (rows.next()) {
                write.setBytes(1, chain.add(rows.getString(2), rows.getLong(3), rows.getString(4)));
                write.setLong(2, rows.getLong(1));
                write.addBatch();
            }
            write.executeBatch();
        }
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

    /** A metadata value, or null. */
    static String metadata(Connection db, String key) throws SQLException {
        try (PreparedStatement get = db.prepareStatement("SELECT value FROM metadata WHERE key = ?")) {
            get.setString(1, key);
            try (ResultSet rs = get.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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
