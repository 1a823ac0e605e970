package org.rallylab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.rallylab.domain.event.EntryCheck;

/**
 * One pass over the stored events when a rally file opens, without decoding a payload: it
 * recomputes the {@link EventChain} and compares it with each event's stored hash, and brings the
 * file's {@link EntryCheck} up to the end of the log, so the next append is checked against it.
 * A 10 000-event rally takes a few milliseconds.
 */
final class LogScan {

    /**
     * What the scan found: the chain head, and the first event that does not match it (null: none);
     * {@code verified}: the chain was checked to the end (false for {@link #headOnly}).
     */
    record Result(byte[] head, EntryCheck entry, String brokenAt, boolean verified) {
    }

    private LogScan() {
    }

    static Result run(Connection db, int schemaVersion, String fileRally) throws SQLException {
        boolean chained = Schema.chained(schemaVersion);
        EventChain chain = new EventChain();
        EntryCheck entry = EntryCheck.newLog();
        String brokenAt = null;
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT sequence, type, section_id, timestamp, payload" + (chained ? ", hash" : "")
                        + " FROM events ORDER BY sequence")) {
            while (rows.next()) {
                String type = rows.getString(2);
                entry.resume(type, rows.getString(3), fileRally);
                if (chained && brokenAt == null) {
                    chain.add(type, rows.getLong(4), rows.getBytes(5)); // the text's UTF-8 bytes, as stored
                    if (!chain.headIs(rows.getBytes(6))) {
                        brokenAt = brokenChain(rows.getLong(1), type);
                    }
                }
            }
        }
        return new Result(chain.head(), entry, brokenAt, chained);
    }

    /**
     * For a read-only open: only the head (the last event's stored hash); the chain is checked by
     * the first full replay instead, in the same pass ({@link RallyFile#replay}).
     */
    static Result headOnly(Connection db, int schemaVersion) throws SQLException {
        byte[] head = new EventChain().head();
        if (Schema.chained(schemaVersion)) {
            try (Statement s = db.createStatement();
                 ResultSet rows = s.executeQuery("SELECT hash FROM events ORDER BY sequence DESC LIMIT 1")) {
                if (rows.next() && rows.getBytes(1) != null && rows.getBytes(1).length == head.length) {
                    head = rows.getBytes(1);
                }
            }
        }
        return new Result(head, EntryCheck.newLog(), null, false);
    }

    /** The words for event {@code sequence} not matching its hash. */
    static String brokenChain(long sequence, String type) {
        return "event " + sequence + " (" + type + ") does not match the hash chain: it was changed after it was"
                + " written, or an event before it was removed or moved";
    }
}
