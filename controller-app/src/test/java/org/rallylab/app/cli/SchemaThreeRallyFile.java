package org.rallylab.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;

/**
 * Writes a rally file with plain JDBC in the layout of schema version 3 (event-store's
 * {@code Schema}: events, metadata, the append-only triggers, sync_cursor, remote_events,
 * pull_cursor, marked "RLLB" and user_version 3). It holds any rows a test gives it, also
 * events that today's appends refuse, as a file written before a check existed would; a
 * read-only open reads it as it is, without migrating it.
 */
final class SchemaThreeRallyFile {

    /** "RLLB" in ASCII. */
    private static final int APPLICATION_ID = 0x524C4C42;
    /** The statements of versions 1 to 3, as event-store's {@code Schema} gives them (verify compares their SQL). */
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE events (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                section_id TEXT NULL,
                timestamp INTEGER NOT NULL,
                payload TEXT NOT NULL
            )""",
            "CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never changed'); END""",
            """
            CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never deleted'); END""",
            """
            CREATE TABLE sync_cursor (
                target TEXT PRIMARY KEY,
                acknowledged_sequence INTEGER NOT NULL
            )""",
            "CREATE INDEX events_section_id ON events (section_id)",
            """
            CREATE TABLE remote_events (
                sequence INTEGER PRIMARY KEY REFERENCES events (sequence),
                source TEXT NOT NULL,
                server_id INTEGER NOT NULL,
                UNIQUE (source, server_id)
            )""",
            """
            CREATE TRIGGER remote_events_append_only_update BEFORE UPDATE ON remote_events
            BEGIN SELECT RAISE(ABORT, 'remote_events are append-only'); END""",
            """
            CREATE TRIGGER remote_events_append_only_delete BEFORE DELETE ON remote_events
            BEGIN SELECT RAISE(ABORT, 'remote_events are append-only'); END""",
            """
            CREATE TABLE pull_cursor (
                source TEXT PRIMARY KEY,
                last_server_id INTEGER NOT NULL
            )""");

    /** One row of the events table: the columns as stored, the payload as JSON text. */
    record Row(String type, String sectionColumn, long timestamp, String payload) {

        /** The row the store writes for {@code event}. */
        static Row of(DomainEvent event) {
            return new Row(event.type(), event.sectionId(), event.timestamp(), EventJson.payload(event).toString());
        }
    }

    private SchemaThreeRallyFile() {
    }

    /** Creates {@code file} (which must not exist) holding {@code rows} as events 1, 2, 3 … of rally {@code rallyId}. */
    static Path write(Path file, String rallyId, List<Row> rows) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
            metadata(db, "created_at", "2026-02-14T09:00:00Z");
            metadata(db, "created_by_app", "RallyLab test fixture (schema 3)");
            metadata(db, "writer_id", "0");
            metadata(db, "schema_version", "3");
            metadata(db, "rally_id", rallyId);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO events (sequence, type, section_id, timestamp, payload) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    insert.setLong(1, i + 1);
                    insert.setString(2, row.type());
                    insert.setString(3, row.sectionColumn());
                    insert.setLong(4, row.timestamp());
                    insert.setString(5, row.payload());
                    insert.executeUpdate();
                }
            }
            s.execute("PRAGMA user_version = 3");
            db.commit();
        }
        return file;
    }

    private static void metadata(Connection db, String key, String value) throws SQLException {
        try (PreparedStatement put = db.prepareStatement("INSERT INTO metadata (key, value) VALUES (?, ?)")) {
            put.setString(1, key);
            put.setString(2, value);
            put.executeUpdate();
        }
    }
}
