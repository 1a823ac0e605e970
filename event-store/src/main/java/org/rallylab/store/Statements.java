package org.rallylab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The prepared statements of one open rally file, made on first use and reused: replaying
 * and appending then cost no SQL parsing.
 */
final class Statements implements AutoCloseable {

    private static final String SELECT = "SELECT sequence, type, timestamp, payload FROM events";

    private final Connection db;
    private final List<PreparedStatement> made = new ArrayList<>();
    private PreparedStatement begin;
    private PreparedStatement commit;
    private PreparedStatement next;
    private PreparedStatement insert;
    private PreparedStatement all;
    private PreparedStatement allChained;
    private PreparedStatement after;
    private PreparedStatement last;
    private PreparedStatement metadata;
    private PreparedStatement cursor;
    private PreparedStatement acknowledge;
    private PreparedStatement hasCursor;
    private PreparedStatement ownAfter;
    private PreparedStatement countOwnAfter;
    private PreparedStatement knownRemote;
    private PreparedStatement insertRemote;
    private PreparedStatement pullCursor;
    private PreparedStatement movePullCursor;
    private PreparedStatement beginRead;
    private PreparedStatement remoteMarks;
    private PreparedStatement syncTargets;
    private PreparedStatement checkpoint;
    private PreparedStatement lastHash;

    Statements(Connection db) {
        this.db = db;
    }

    void begin() throws SQLException {
        begin = prepared(begin, "BEGIN IMMEDIATE");
        begin.execute();
    }

    /** Starts a read transaction: the reads until {@link #commit()} see one state of the file. */
    void beginRead() throws SQLException {
        beginRead = prepared(beginRead, "BEGIN DEFERRED");
        beginRead.execute();
    }

    void commit() throws SQLException {
        commit = prepared(commit, "COMMIT");
        commit.execute();
    }

    /**
     * Rolls back after {@code cause} and forgets the prepared statements, so the file is ready for
     * the next transaction. SQLite may have rolled back already (a full disk, an I/O error), so a
     * fresh statement asks and "no transaction is active" is not a failure; any other failing
     * rollback is added to {@code cause} rather than hiding it.
     */
    void rollback(Exception cause) {
        try (java.sql.Statement s = db.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
        reset();
    }

    /**
     * The sequence the next event gets: one above the highest ever given (AUTOINCREMENT's
     * record, so numbers are never reused) or present.
     */
    long nextSequence() throws SQLException {
        next = prepared(next, "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),"
                + " coalesce((SELECT max(sequence) FROM events), 0))");
        try (ResultSet rs = next.executeQuery()) {
            return (rs.next() ? rs.getLong(1) : 0) + 1;
        }
    }

    /** Inserts {@code events} with their hashes in the chain ({@code hashes.get(i)} is event i's). */
    void insert(List<StoredEvent> events, List<byte[]> hashes) throws SQLException {
        insert = prepared(insert, "INSERT INTO events (sequence, type, section_id, timestamp, payload, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            insert.setLong(1, e.sequence());
            insert.setString(2, e.type());
            insert.setString(3, e.sectionId());
            insert.setLong(4, e.timestamp());
            insert.setString(5, e.payloadJson());
            insert.setBytes(6, hashes.get(i));
            if (events.size() == 1) {
                insert.executeUpdate();
            } else {
                insert.addBatch();
            }
        }
        if (events.size() > 1) {
            insert.executeBatch();
        }
    }

    ResultSet all() throws SQLException {
        all = prepared(all, SELECT + " ORDER BY sequence");
        return all.executeQuery();
    }

    /** Every event with its hash in the chain (column 5), in order (schema 4). */
    ResultSet allChained() throws SQLException {
        allChained = prepared(allChained, "SELECT sequence, type, timestamp, payload, hash FROM events ORDER BY sequence");
        return allChained.executeQuery();
    }

    ResultSet after(long sequence, int limit) throws SQLException {
        after = prepared(after, SELECT + " WHERE sequence > ? ORDER BY sequence LIMIT ?");
        after.setLong(1, sequence);
        after.setInt(2, limit);
        return after.executeQuery();
    }

    long lastSequence() throws SQLException {
        last = prepared(last, "SELECT coalesce(max(sequence), 0) FROM events");
        try (ResultSet rs = last.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    String metadata(String key) throws SQLException {
        metadata = prepared(metadata, "SELECT value FROM metadata WHERE key = ?");
        metadata.setString(1, key);
        try (ResultSet rs = metadata.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    long cursor(String target) throws SQLException {
        cursor = prepared(cursor, "SELECT acknowledged_sequence FROM sync_cursor WHERE target = ?");
        cursor.setString(1, target);
        try (ResultSet rs = cursor.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void acknowledge(String target, long sequence) throws SQLException {
        acknowledge = prepared(acknowledge, "INSERT INTO sync_cursor (target, acknowledged_sequence) VALUES (?, ?)"
                + " ON CONFLICT (target) DO UPDATE SET acknowledged_sequence"
                + " = max(acknowledged_sequence, excluded.acknowledged_sequence)");
        acknowledge.setString(1, target);
        acknowledge.setLong(2, sequence);
        acknowledge.executeUpdate();
    }

    boolean hasCursor(String target) throws SQLException {
        hasCursor = prepared(hasCursor, "SELECT 1 FROM sync_cursor WHERE target = ?");
        hasCursor.setString(1, target);
        try (ResultSet rs = hasCursor.executeQuery()) {
            return rs.next();
        }
    }

    private static final String OWN = " NOT EXISTS (SELECT 1 FROM remote_events r WHERE r.sequence = events.sequence)";

    ResultSet ownAfter(long sequence, int limit) throws SQLException {
        ownAfter = prepared(ownAfter, SELECT + " WHERE sequence > ? AND" + OWN + " ORDER BY sequence LIMIT ?");
        ownAfter.setLong(1, sequence);
        ownAfter.setInt(2, limit);
        return ownAfter.executeQuery();
    }

    long countOwnAfter(long sequence) throws SQLException {
        countOwnAfter = prepared(countOwnAfter, "SELECT count(*) FROM events WHERE sequence > ? AND" + OWN);
        countOwnAfter.setLong(1, sequence);
        try (ResultSet rs = countOwnAfter.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    boolean knownRemote(String source, long serverId) throws SQLException {
        knownRemote = prepared(knownRemote, "SELECT 1 FROM remote_events WHERE source = ? AND server_id = ?");
        knownRemote.setString(1, source);
        knownRemote.setLong(2, serverId);
        try (ResultSet rs = knownRemote.executeQuery()) {
            return rs.next();
        }
    }

    void insertRemote(long sequence, String source, long serverId) throws SQLException {
        insertRemote = prepared(insertRemote, "INSERT INTO remote_events (sequence, source, server_id) VALUES (?, ?, ?)");
        insertRemote.setLong(1, sequence);
        insertRemote.setString(2, source);
        insertRemote.setLong(3, serverId);
        insertRemote.executeUpdate();
    }

    long pullCursor(String source) throws SQLException {
        pullCursor = prepared(pullCursor, "SELECT last_server_id FROM pull_cursor WHERE source = ?");
        pullCursor.setString(1, source);
        try (ResultSet rs = pullCursor.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    void movePullCursor(String source, long serverId) throws SQLException {
        movePullCursor = prepared(movePullCursor, "INSERT INTO pull_cursor (source, last_server_id) VALUES (?, ?)"
                + " ON CONFLICT (source) DO UPDATE SET last_server_id = max(last_server_id, excluded.last_server_id)");
        movePullCursor.setString(1, source);
        movePullCursor.setLong(2, serverId);
        movePullCursor.executeUpdate();
    }

    /** Every pulled event's sequence, server and row id there, by sequence (schema 3). */
    ResultSet remoteMarks() throws SQLException {
        remoteMarks = prepared(remoteMarks, "SELECT sequence, source, server_id FROM remote_events ORDER BY sequence");
        return remoteMarks.executeQuery();
    }

    /** The names of the sync cursors, in name order (schema 2). */
    ResultSet syncTargets() throws SQLException {
        syncTargets = prepared(syncTargets, "SELECT target FROM sync_cursor ORDER BY target");
        return syncTargets.executeQuery();
    }

    /**
     * Forgets every prepared statement (closing them), so the next call prepares afresh: after a
     * failed transaction, a statement SQLite reset on its own must not be reused.
     */
    void reset() {
        for (PreparedStatement s : made) {
            try {
                s.close();
            } catch (SQLException e) {
                // it is being thrown away
            }
        }
        made.clear();
        begin = commit = next = insert = all = allChained = after = last = metadata = cursor = acknowledge = null;
        hasCursor = ownAfter = countOwnAfter = knownRemote = insertRemote = pullCursor = movePullCursor = null;
        beginRead = remoteMarks = syncTargets = checkpoint = lastHash = null;
    }

    /** Folds the write-ahead log into the file where no reader needs it still (PASSIVE: never waits). */
    void checkpoint() throws SQLException {
        checkpoint = prepared(checkpoint, "PRAGMA wal_checkpoint(PASSIVE)");
        try (ResultSet rs = checkpoint.executeQuery()) {
            rs.next();
        }
    }

    /** The hash of the last event, or null when the log is empty (schema 4). */
    byte[] lastHash() throws SQLException {
        lastHash = prepared(lastHash, "SELECT hash FROM events ORDER BY sequence DESC LIMIT 1");
        try (ResultSet rs = lastHash.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement s : made) {
            try {
                s.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        made.clear();
        if (first != null) {
            throw first;
        }
    }

    private PreparedStatement prepared(PreparedStatement existing, String sql) throws SQLException {
        if (existing != null) {
            return existing;
        }
        PreparedStatement s = db.prepareStatement(sql);
        made.add(s);
        return s;
    }
}
