package org.rallylab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.state.RallyState;

/**
 * The checks of {@link RallyFile#verify()}: SQLite's own {@code quick_check}, the file's marks,
 * its schema exactly as RallyLab makes it ({@link SchemaShape}: no trigger, view or table of
 * anyone else's), then one pass over the log: every event matches its hash in the
 * {@link EventChain} (the first that does not is named), every payload decodes, sequences run
 * 1, 2, 3 … without gaps, each row's section column and rally agree with its event, and the
 * fold runs. It reports problems in words and never throws.
 */
final class Integrity {

    static final int MAX_PROBLEMS = 100;

    private final List<String> problems = new ArrayList<>();
    private int dropped;

    private Integrity() {
    }

    static IntegrityReport check(Path file, Connection db, int schemaVersion) {
        Integrity check = new Integrity();
        long[] counts = new long[2];
        try {
            check.quickCheck(db);
            check.marks(db, schemaVersion);
            check.scan(db, schemaVersion, counts);
        } catch (SQLException e) {
            check.add("the file cannot be read to the end: " + e.getMessage());
        }
        if (check.dropped > 0) {
            check.problems.add("... and " + check.dropped + " more problems");
        }
        return new IntegrityReport(file, schemaVersion, counts[0], counts[1], check.problems);
    }

    private void quickCheck(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    add("SQLite quick_check: " + line);
                }
            }
        }
    }

    private void marks(Connection db, int schemaVersion) throws SQLException {
        FileHeader header = Schema.header(db);
        if (header.applicationId() != Schema.APPLICATION_ID) {
            add(String.format("the application id is 0x%08X, not RallyLab's 0x%08X",
                    header.applicationId(), Schema.APPLICATION_ID));
        }
        if (header.userVersion() != schemaVersion) {
            add("the schema version is " + header.userVersion() + " but the file was opened as version " + schemaVersion);
        }
        for (String difference : SchemaShape.differences(db, schemaVersion)) {
            add("the schema was changed outside RallyLab: " + difference);
        }
    }

    private void scan(Connection db, int schemaVersion, long[] counts) throws SQLException {
        String fileRally = metadata(db, "rally_id");
        RallyState state = RallyState.empty();
        long expected = 1;
        boolean chained = Schema.chained(schemaVersion);
        EventChain chain = new EventChain();
        boolean chainBroken = false;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT sequence, type, section_id, timestamp, payload" + (chained ? ", hash" : "")
                        + " FROM events ORDER BY sequence")) {
            while (rs.next()) {
                long sequence = rs.getLong(1);
                String type = rs.getString(2);
                if (chained && !chainBroken) {
                    chain.add(type, rs.getLong(4), rs.getString(5));
                    if (!chain.headIs(rs.getBytes(6))) {
                        chainBroken = true;
                        add(LogScan.brokenChain(sequence, type));
                    }
                }
                counts[0]++;
                counts[1] = sequence;
                if (sequence != expected) {
                    add(sequence > expected ? gap(expected, sequence)
                            : "event " + sequence + " is out of order after " + (expected - 1));
                }
                expected = sequence + 1;
                DomainEvent event;
                try {
                    event = EventCodec.decode(type, rs.getLong(4), rs.getString(5));
                } catch (EventFormatException e) {
                    add("event " + sequence + " (" + type + ") cannot be read: " + e.getMessage());
                    continue;
                }
                compare(sequence, event, rs.getString(3), fileRally);
                try {
                    state.apply(event);
                } catch (RuntimeException e) {
                    add("event " + sequence + " (" + type + ") cannot be folded: " + e);
                }
            }
        }
        long given = givenUpTo(db);
        if (given > counts[1]) {
            add("sequence numbers were given up to " + given + " but the log ends at " + counts[1]
                    + ": events at the end were removed");
        }
    }

    private void compare(long sequence, DomainEvent event, String sectionColumn, String fileRally) {
        if (!Objects.equals(sectionColumn, event.sectionId())) {
            add("event " + sequence + " (" + event.type() + "): the section_id column says " + sectionColumn
                    + " but the event says " + event.sectionId());
        }
        if (event.rallyId() != null && !event.rallyId().equals(fileRally)) {
            add("event " + sequence + " (" + event.type() + ") belongs to rally " + event.rallyId()
                    + (fileRally == null ? ", but the file names no rally" : ", but the file holds rally " + fileRally));
        }
    }

    private static String gap(long expected, long found) {
        return found == expected + 1 ? "event " + expected + " is missing (the log jumps to " + found + ")"
                : "events " + expected + " to " + (found - 1) + " are missing (the log jumps to " + found + ")";
    }

    private static long givenUpTo(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT seq FROM sqlite_sequence WHERE name = 'events'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String metadata(Connection db, String key) throws SQLException {
        try (var s = db.prepareStatement("SELECT value FROM metadata WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void add(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            dropped++;
        }
    }
}
