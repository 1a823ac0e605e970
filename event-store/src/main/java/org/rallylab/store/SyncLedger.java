package org.rallylab.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFileException.Reason;

/**
 * A rally file's sync ledger: how far each server (or backup) acknowledged the log, this file's
 * writer id among the laptops writing one rally, and which events were pulled from a server (so
 * they are never pushed back) with the pull cursor of each. Kept in the rally file beside the
 * log, never part of it; reached through {@link RallyFile#sync()}. Safe to call from any thread:
 * it takes the rally file's lock.
 */
public final class SyncLedger {

    private final RallyFile file;
    private final Statements sql;
    private final int schemaVersion;
    private long writerId = -1;

    SyncLedger(RallyFile file, Statements sql, int schemaVersion) {
        this.file = file;
        this.sql = sql;
        this.schemaVersion = schemaVersion;
    }

    /** An event pulled from a server: its sequence here, the server's name and the event's row id there. */
    public record RemoteMark(long sequence, String source, long serverId) {
    }

    /** The highest sequence {@code target} (a sync server, a backup) acknowledged, or 0. */
    public long syncCursor(String target) throws RallyFileException {
        synchronized (file) {
            file.requireOpen();
            if (schemaVersion < 2) {
                return 0;
            }
            try {
                return sql.cursor(target);
            } catch (SQLException e) {
                throw Sqlite.failure(path(), "read the sync cursor of", e);
            }
        }
    }

    /** Whether {@code target} has a cursor in this file: the rally was put in that cloud (or backup) once. */
    public boolean hasSyncCursor(String target) throws RallyFileException {
        synchronized (file) {
            file.requireOpen();
            if (schemaVersion < 2) {
                return false;
            }
            try {
                return sql.hasCursor(target);
            } catch (SQLException e) {
                throw Sqlite.failure(path(), "read the sync cursor of", e);
            }
        }
    }

    /**
     * Records that {@code target} holds every event up to {@code sequence}. A cursor only moves
     * forward: a smaller value (a late answer to an older batch) is ignored.
     */
    public void acknowledge(String target, long sequence) throws RallyFileException {
        synchronized (file) {
            file.requireWritable();
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a sync target needs a name, like \"supabase\"");
            }
            long last = file.lastSequence();
            if (sequence < 0 || sequence > last) {
                throw new IllegalArgumentException("cannot acknowledge sequence " + sequence + " for " + target + ": "
                        + path().getFileName() + " holds events 1 to " + last);
            }
            try {
                sql.acknowledge(target, sequence);
            } catch (SQLException e) {
                sql.reset();
                throw Sqlite.failure(path(), "record the sync cursor in", e);
            }
        }
    }

    /**
     * This file's writer id among the laptops writing the same rally: random (1 to 2<sup>30</sup>)
     * for a file made by this version, 0 for one made before version 3 of the schema. The cloud
     * numbers pushed events with it, so two laptops never send the same {@code client_event_id}.
     */
    public long writerId() throws RallyFileException {
        synchronized (file) {
            file.requireOpen();
            if (writerId < 0) {
                try {
                    String value = schemaVersion < 3 ? null : sql.metadata("writer_id");
                    writerId = value == null ? 0 : Long.parseLong(value);
                } catch (SQLException e) {
                    throw Sqlite.failure(path(), "read the metadata of", e);
                } catch (NumberFormatException e) {
                    throw new RallyFileException(Reason.CORRUPT, path(), path() + ": its writer_id is not a number;"
                            + " the file was changed outside RallyLab", e);
                }
            }
            return writerId;
        }
    }

    /**
     * Up to {@code limit} events after {@code sequence} that were written here, not pulled from
     * a server ({@link #appendFromServer}): what a push worker sends.
     */
    public List<StoredEvent> readOwnAfter(long sequence, int limit) throws RallyFileException {
        synchronized (file) {
            if (schemaVersion < 3) {
                return file.readAfter(sequence, limit);
            }
            file.requireOpen();
            RallyFile.checkRange(sequence, limit);
            return file.read(() -> sql.ownAfter(sequence, limit), limit);
        }
    }

    /** How many events after {@code sequence} were written here (not pulled from a server). */
    public long countOwnAfter(long sequence) throws RallyFileException {
        synchronized (file) {
            file.requireOpen();
            try {
                return schemaVersion < 3 ? Math.max(0, sql.lastSequence() - sequence) : sql.countOwnAfter(sequence);
            } catch (SQLException e) {
                throw Sqlite.failure(path(), "count the events of", e);
            }
        }
    }

    /** The highest server row id read from {@code source} (0: never pulled): where the next pull starts. */
    public long pullCursor(String source) throws RallyFileException {
        synchronized (file) {
            file.requireOpen();
            if (schemaVersion < 3) {
                return 0;
            }
            try {
                return sql.pullCursor(source);
            } catch (SQLException e) {
                throw Sqlite.failure(path(), "read the pull cursor of", e);
            }
        }
    }

    /**
     * Appends events read from server {@code source} in one transaction, remembering each one's
     * server row id so it is never pushed back, and moves the pull cursor to {@code readUpTo} (the
     * last row id read, which may be a row left out here, such as this laptop's own). An event whose
     * row id is already in the file is skipped, so appending the same page twice is harmless.
     * Pulled events pass the same {@link org.rallylab.domain.event.EntryCheck} as any other: a
     * refused one stops the whole page ({@link Reason#REFUSED}) and nothing of it is stored.
     * Returns the events appended, as stored.
     */
    public List<StoredEvent> appendFromServer(String source, List<RemoteEvent> events, long readUpTo)
            throws RallyFileException {
        synchronized (file) {
            file.requireWritable();
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("a server needs a name, like \"supabase:https://…\"");
            }
            List<RemoteEvent> fresh = new ArrayList<>(events.size());
            try {
                for (RemoteEvent e : events) {
                    if (!sql.knownRemote(source, e.serverId())) {
                        fresh.add(e);
                    }
                }
            } catch (SQLException e) {
                sql.reset();
                throw Sqlite.failure(path(), "read the pulled events of", e);
            }
            List<DomainEvent> domain = new ArrayList<>(fresh.size());
            fresh.forEach(e -> domain.add(e.event()));
            if (domain.isEmpty()) {
                moveCursorOnly(source, readUpTo);
                return List.of();
            }
            return file.appendAnd(domain, source, stored -> {
                for (int i = 0; i < stored.size(); i++) {
                    sql.insertRemote(stored.get(i).sequence(), source, fresh.get(i).serverId());
                }
                if (readUpTo > 0) {
                    sql.movePullCursor(source, readUpTo);
                }
            });
        }
    }

    private void moveCursorOnly(String source, long readUpTo) throws RallyFileException {
        if (readUpTo <= 0) {
            return;
        }
        try {
            sql.movePullCursor(source, readUpTo);
        } catch (SQLException e) {
            sql.reset();
            throw Sqlite.failure(path(), "record the pull cursor in", e);
        }
    }

    /** Reads the pulled events' marks and the sync targets, inside the caller's read transaction (a snapshot). */
    void readMarks(List<RemoteMark> remote, List<String> targets) throws SQLException {
        if (schemaVersion >= 3) {
            try (ResultSet rows = sql.remoteMarks()) {
                while (rows.next()) {
                    remote.add(new RemoteMark(rows.getLong(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        if (schemaVersion >= 2) {
            try (ResultSet rows = sql.syncTargets()) {
                while (rows.next()) {
                    targets.add(rows.getString(1));
                }
            }
        }
    }

    private Path path() {
        return file.path();
    }
}
