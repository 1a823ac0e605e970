/**
 * The event store: each rally's append-only event log in one SQLite file, the "rally file"
 * ({@code .rallylab}), plus an in-memory log with the same contract.
 *
 * <p>Public: {@link org.rallylab.store.EventLog} (the contract), {@link org.rallylab.store.RallyFile},
 * {@link org.rallylab.store.InMemoryEventLog}, {@link org.rallylab.store.StoredEvent}, the
 * checked {@link org.rallylab.store.RallyFileException} and
 * {@link org.rallylab.store.InvalidInputException}, and the result records
 * {@link org.rallylab.store.IntegrityReport} and {@link org.rallylab.store.ImportSummary}.
 * Everything else is package-private.
 *
 * <p>The file up to schema version 2 ({@code PRAGMA application_id = 0x524C4C42},
 * {@code PRAGMA user_version} = the version, WAL, {@code synchronous=FULL}); versions 3 and 4 add
 * the cloud tables and each event's hash ({@code Schema}, docs/file-formats.md):
 *
 * <pre>
 * CREATE TABLE events (sequence INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL,
 *                      section_id TEXT NULL, timestamp INTEGER NOT NULL, payload TEXT NOT NULL);
 * CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
 *     -- schema_version, rally_id, created_at, created_by_app
 * CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
 *     BEGIN SELECT RAISE(ABORT, 'events are append-only: ...'); END;
 * CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
 *     BEGIN SELECT RAISE(ABORT, 'events are append-only: ...'); END;
 * -- version 2:
 * CREATE TABLE sync_cursor (target TEXT PRIMARY KEY, acknowledged_sequence INTEGER NOT NULL);
 * CREATE INDEX events_section_id ON events (section_id);
 * </pre>
 *
 * {@code payload} is the event's wire-format fields besides {@code type} and {@code timestamp}
 * ({@code EventJson.payload(event).toString()}); {@code sequence} is the
 * {@code client_event_id} of docs/events.md. The writer lock is a lock on one byte far beyond
 * the file's end ({@code FileHandle}); no lock file is made.
 */
package org.rallylab.store;
