package org.rallylab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.store.RallyFileException.Reason;

/**
 * A rally file: one SQLite database per rally (extension {@value #EXTENSION}) holding its
 * append-only event log, its metadata and the sync cursors.
 *
 * <p>Durability: the file runs in WAL mode with {@code synchronous=FULL}, so {@link #append}
 * returns only after its transaction is on the disk; a crash (even {@code kill -9}) loses at
 * most an append that had not returned. Append-only is enforced by triggers in the database
 * itself. One writer at a time: {@link #openForWriting} holds an OS lock on the sidecar file
 * {@code <file>.lock} until {@link #close()}; any number of read-only opens may run beside it.
 *
 * <p>Before SQLite opens an existing file, its first 100 bytes are checked with plain Java I/O:
 * a file that is not a rally file, or was written by a newer RallyLab, is refused without a
 * byte changed and without files created next to it.
 *
 * <p>Methods are synchronized: one call at a time per instance. Do not append from inside
 * {@link #replay}'s consumer.
 */
public final class RallyFile implements EventLog {

    public static final String EXTENSION = ".rallylab";
    private static final String SETTING_PREFIX = "setting.";

    private final Path path;
    private final Connection db;
    private final WriterLock lock;
    private final int schemaVersion;
    private String rallyId;
    private long writerId = -1;
    private boolean closed;
    private final Statements sql;

    private RallyFile(Path path, Connection db, WriterLock lock, int schemaVersion) throws SQLException {
        this.path = path;
        this.db = db;
        this.lock = lock;
        this.schemaVersion = schemaVersion;
        this.sql = new Statements(db);
        this.rallyId = sql.metadata("rally_id");
    }

    /** Creates a new, empty rally file, open for writing. Refuses a file that exists (it is never overwritten). */
    public static RallyFile create(Path file) throws RallyFileException {
        return create(file, Schema.newWriterId());
    }

    private static RallyFile create(Path file, long writerId) throws RallyFileException {
        FileOps.refuseExisting(file);
        FileOps.createFolder(file);
        WriterLock lock = WriterLock.acquire(file);
        Connection db = null;
        boolean created = false;
        try {
            FileOps.refuseExisting(file);
            FileOps.createEmpty(file);
            created = true;
            db = Sqlite.open(file, false, false);
            Schema.create(db, createdByApp(), writerId);
            FileOps.syncFolder(file.toAbsolutePath().getParent());
            return new RallyFile(file, db, lock, Schema.CURRENT_VERSION);
        } catch (SQLException e) {
            abandon(file, db, lock, created);
            throw Sqlite.failure(file, "create", e);
        } catch (RallyFileException | RuntimeException e) {
            abandon(file, db, lock, created);
            throw e;
        }
    }

    /** Undoes a failed create: nothing of it stays behind. */
    private static void abandon(Path file, Connection db, WriterLock lock, boolean created) {
        closeQuietly(db);
        if (created) {
            FileOps.deleteWithSidecars(file);
        }
        lock.close();
    }

    /**
     * Opens a rally file to race with: takes the writer lock, and brings a file of an older
     * schema to the current one (in one transaction; a failed migration leaves it as it was).
     */
    public static RallyFile openForWriting(Path file) throws RallyFileException {
        FileHeader.probe(file);
        if (!Files.isWritable(file)) {
            throw new RallyFileException(Reason.IO, file, file + " cannot be written (it is read-only on the disk or"
                    + " USB stick): copy it to a folder you can write to, or open it read-only");
        }
        WriterLock lock = WriterLock.acquire(file);
        Connection db = null;
        try {
            db = Sqlite.open(file, false, false);
            FileHeader header = Schema.header(db);
            header.check(file);
            migrate(file, db, header.userVersion());
            return new RallyFile(file, db, lock, Schema.CURRENT_VERSION);
        } catch (SQLException e) {
            closeQuietly(db);
            lock.close();
            throw Sqlite.failure(file, "open", e);
        } catch (RallyFileException | RuntimeException e) {
            closeQuietly(db);
            lock.close();
            throw e;
        }
    }

    private static void migrate(Path file, Connection db, int from) throws SQLException, RallyFileException {
        try {
            Schema.migrate(db, from);
        } catch (SQLException e) {
            if (from == Schema.CURRENT_VERSION) {
                throw e;
            }
            throw new RallyFileException(Reason.CORRUPT, file, "cannot update " + file + " from schema " + from
                    + " to " + Schema.CURRENT_VERSION + " (" + e.getMessage() + "): the file was left as it was;"
                    + " open it read-only, or restore it from a backup or the cloud copy", e);
        }
    }

    /**
     * Opens a rally file to look at, without the writer lock; any number may be open beside a
     * writer. Nothing can be changed through it and an older schema is not migrated (closing
     * the last connection to a file still folds a finished WAL into it, as SQLite always does).
     */
    public static RallyFile openReadOnly(Path file) throws RallyFileException {
        FileHeader.probe(file);
        Connection db = null;
        try {
            db = Sqlite.open(file, true, false);
            FileHeader header = Schema.header(db);
            header.check(file);
            return new RallyFile(file, db, null, header.userVersion());
        } catch (SQLException e) {
            closeQuietly(db);
            throw Sqlite.failure(file, "open", e);
        } catch (RallyFileException | RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /**
     * Creates {@code newRallyFile} from a JSON Lines file (one wire-format event per line, as
     * {@link #exportJsonLines} writes). Every line is checked and the whole log folded before
     * anything is created; then all events are appended in one transaction to a temporary file
     * that is renamed into place, so the rally file appears complete or not at all.
     */
    public static ImportSummary importJsonLines(Path jsonl, Path newRallyFile)
            throws InvalidInputException, RallyFileException {
        return JsonLinesImport.run(jsonl, newRallyFile);
    }

    /** Fills a rally file made by {@link #createAtomically}. */
    @FunctionalInterface
    public interface Filling<T> {
        T fill(RallyFile file) throws RallyFileException;
    }

    /**
     * Creates {@code newRallyFile} complete or not at all, with the writer id {@code writerId}
     * (0 to 2<sup>30</sup>; a restored rally keeps the one it had, so the cloud recognises its
     * events): {@code filling} appends to a hidden temporary rally file beside the target, which
     * is forced to the disk as a whole and renamed into place only when it returns (its appends
     * do not wait for the disk one by one). Refuses an existing target without touching it;
     * when {@code filling} fails, nothing stays behind. Returns what {@code filling} returned.
     */
    public static <T> T createAtomically(Path newRallyFile, long writerId, Filling<T> filling)
            throws RallyFileException {
        if (writerId < 0 || writerId > Schema.MAX_WRITER_ID) {
            throw new IllegalArgumentException("writer id " + writerId + " is out of range: it is 0 to "
                    + Schema.MAX_WRITER_ID);
        }
        FileOps.refuseExisting(newRallyFile);
        FileOps.createFolder(newRallyFile);
        WriterLock lock = WriterLock.acquire(newRallyFile);
        Path temp = newRallyFile.resolveSibling("." + newRallyFile.getFileName() + ".creating");
        try {
            FileOps.refuseExisting(newRallyFile);
            FileOps.deleteWithSidecars(temp); // left by a create that crashed; we hold the target's lock
            T result;
            try (RallyFile file = create(temp, writerId)) {
                file.unsyncedUntilClosed();
                result = filling.fill(file);
            }
            FileOps.moveIntoPlace(temp, newRallyFile);
            return result;
        } catch (RallyFileException | RuntimeException e) {
            FileOps.deleteWithSidecars(temp);
            throw e;
        } finally {
            lock.close();
        }
    }

    /**
     * Commits stop waiting for the disk: for a hidden file that is forced to the disk as a whole
     * before anyone sees it, so a restore of many short runs of events takes no fsync per run.
     */
    private void unsyncedUntilClosed() throws RallyFileException {
        try (java.sql.Statement s = db.createStatement()) {
            s.execute("PRAGMA synchronous = OFF");
        } catch (SQLException e) {
            throw Sqlite.failure(path, "prepare", e);
        }
    }

    /** The system property that names another data folder. */
    public static final String DATA_FOLDER_PROPERTY = "rallylab.data";

    /**
     * Where rally files live by default: {@code %APPDATA%\RallyLab} on Windows,
     * {@code ~/Library/Application Support/RallyLab} on macOS, {@code $XDG_DATA_HOME/RallyLab}
     * or {@code ~/.local/share/RallyLab} elsewhere; the system property {@value #DATA_FOLDER_PROPERTY}
     * overrides it (tests, a portable install on a stick). The folder may not exist yet.
     */
    public static Path defaultFolder() {
        String override = System.getProperty(DATA_FOLDER_PROPERTY, "");
        if (!override.isBlank()) {
            return Path.of(override);
        }
        return DataFolder.of(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    public Path path() {
        return path;
    }

    /** The schema version of the file as open (a read-only open of an older file keeps its version). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public boolean isReadOnly() {
        return lock == null;
    }

    @Override
    public synchronized List<StoredEvent> append(List<? extends DomainEvent> events) throws RallyFileException {
        requireWritable();
        if (events.isEmpty()) {
            return List.of();
        }
        String rally = EventCodec.checkRally(rallyId, events, path, path.toString());
        try {
            sql.begin();
            try {
                List<StoredEvent> stored = EventCodec.encode(events, sql.nextSequence());
                sql.insert(stored);
                if (rallyId == null && rally != null) {
                    Schema.putMetadata(db, "rally_id", rally);
                }
                sql.commit();
                rallyId = rally;
                return stored;
            } catch (SQLException | RuntimeException e) {
                sql.rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "append " + events.size() + " event(s) to", e);
        }
    }

    @Override
    public synchronized void replay(Consumer<StoredEvent> each) throws RallyFileException {
        requireOpen();
        try (ResultSet rows = sql.all()) {
            while (rows.next()) {
                each.accept(row(rows));
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the events of", e);
        }
    }

    @Override
    public synchronized List<StoredEvent> readAfter(long sequence, int limit) throws RallyFileException {
        requireOpen();
        checkRange(sequence, limit);
        return read(() -> sql.after(sequence, limit), limit);
    }

    @Override
    public synchronized long lastSequence() throws RallyFileException {
        requireOpen();
        try {
            return sql.lastSequence();
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read", e);
        }
    }

    @Override
    public synchronized Optional<String> rallyId() {
        if (rallyId == null && !closed && isReadOnly()) {
            try {
                rallyId = sql.metadata("rally_id");
            } catch (SQLException e) {
                // a reader that cannot see the rally yet simply does not know it
            }
        }
        return Optional.ofNullable(rallyId);
    }

    /** The highest sequence {@code target} (a sync server, a backup) acknowledged, or 0. */
    public synchronized long syncCursor(String target) throws RallyFileException {
        requireOpen();
        if (schemaVersion < 2) {
            return 0;
        }
        try {
            return sql.cursor(target);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the sync cursor of", e);
        }
    }

    /**
     * Records that {@code target} holds every event up to {@code sequence}. A cursor only moves
     * forward: a smaller value (a late answer to an older batch) is ignored.
     */
    public synchronized void acknowledge(String target, long sequence) throws RallyFileException {
        requireWritable();
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a sync target needs a name, like \"supabase\"");
        }
        long last = lastSequence();
        if (sequence < 0 || sequence > last) {
            throw new IllegalArgumentException("cannot acknowledge sequence " + sequence + " for " + target + ": "
                    + path.getFileName() + " holds events 1 to " + last);
        }
        try {
            sql.acknowledge(target, sequence);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "record the sync cursor in", e);
        }
    }

    /**
     * A setting kept with the rally (not an event, not part of the race): for example the USB
     * backup folder the operator chose. Empty when never set, or for a file older than schema 3.
     */
    public synchronized Optional<String> setting(String key) throws RallyFileException {
        requireOpen();
        try {
            return Optional.ofNullable(sql.metadata(SETTING_PREFIX + key));
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the settings of", e);
        }
    }

    /** Keeps setting {@code key} with the rally ({@code value} null: forgets it). Events are not touched. */
    public synchronized void putSetting(String key, String value) throws RallyFileException {
        requireWritable();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        try {
            if (value == null) {
                try (var delete = db.prepareStatement("DELETE FROM metadata WHERE key = ?")) {
                    delete.setString(1, SETTING_PREFIX + key);
                    delete.executeUpdate();
                }
            } else {
                Schema.putMetadata(db, SETTING_PREFIX + key, value);
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "save a setting in", e);
        }
    }

    /** Whether {@code target} has a cursor in this file: the rally was put in that cloud (or backup) once. */
    public synchronized boolean hasSyncCursor(String target) throws RallyFileException {
        requireOpen();
        if (schemaVersion < 2) {
            return false;
        }
        try {
            return sql.hasCursor(target);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the sync cursor of", e);
        }
    }

    /**
     * This file's writer id among the laptops writing the same rally: random (1 to 2<sup>30</sup>)
     * for a file made by this version, 0 for one made before version 3 of the schema. The cloud
     * numbers pushed events with it, so two laptops never send the same {@code client_event_id}.
     */
    public synchronized long writerId() throws RallyFileException {
        requireOpen();
        if (writerId < 0) {
            try {
                String value = schemaVersion < 3 ? null : sql.metadata("writer_id");
                writerId = value == null ? 0 : Long.parseLong(value);
            } catch (SQLException e) {
                throw Sqlite.failure(path, "read the metadata of", e);
            } catch (NumberFormatException e) {
                throw new RallyFileException(Reason.CORRUPT, path, path + ": its writer_id is not a number; the file"
                        + " was changed outside RallyLab", e);
            }
        }
        return writerId;
    }

    /**
     * Up to {@code limit} events after {@code sequence} that were written here, not pulled from
     * a server ({@link #appendFromServer}): what a push worker sends.
     */
    public synchronized List<StoredEvent> readOwnAfter(long sequence, int limit) throws RallyFileException {
        if (schemaVersion < 3) {
            return readAfter(sequence, limit);
        }
        requireOpen();
        checkRange(sequence, limit);
        return read(() -> sql.ownAfter(sequence, limit), limit);
    }

    /** How many events after {@code sequence} were written here (not pulled from a server). */
    public synchronized long countOwnAfter(long sequence) throws RallyFileException {
        requireOpen();
        try {
            return schemaVersion < 3 ? Math.max(0, sql.lastSequence() - sequence) : sql.countOwnAfter(sequence);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "count the events of", e);
        }
    }

    /** The highest server row id read from {@code source} (0: never pulled): where the next pull starts. */
    public synchronized long pullCursor(String source) throws RallyFileException {
        requireOpen();
        if (schemaVersion < 3) {
            return 0;
        }
        try {
            return sql.pullCursor(source);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the pull cursor of", e);
        }
    }

    /**
     * Appends events read from server {@code source} in one transaction, remembering each one's
     * server row id so it is never pushed back, and moves the pull cursor to {@code readUpTo} (the
     * last row id read, which may be a row left out here, such as this laptop's own). An event whose
     * row id is already in the file is skipped, so appending the same page twice is harmless.
     * Returns the events appended, as stored.
     */
    public synchronized List<StoredEvent> appendFromServer(String source, List<RemoteEvent> events, long readUpTo)
            throws RallyFileException {
        requireWritable();
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a server needs a name, like \"supabase:https://…\"");
        }
        List<DomainEvent> domain = new ArrayList<>(events.size());
        events.forEach(e -> domain.add(e.event()));
        String rally = domain.isEmpty() ? rallyId : EventCodec.checkRally(rallyId, domain, path, source);
        try {
            sql.begin();
            try {
                List<RemoteEvent> fresh = new ArrayList<>(events.size());
                for (RemoteEvent e : events) {
                    if (!sql.knownRemote(source, e.serverId())) {
                        fresh.add(e);
                    }
                }
                List<StoredEvent> stored = List.of();
                if (!fresh.isEmpty()) {
                    List<DomainEvent> freshEvents = new ArrayList<>(fresh.size());
                    fresh.forEach(e -> freshEvents.add(e.event()));
                    stored = EventCodec.encode(freshEvents, sql.nextSequence());
                    sql.insert(stored);
                    for (int i = 0; i < stored.size(); i++) {
                        sql.insertRemote(stored.get(i).sequence(), source, fresh.get(i).serverId());
                    }
                }
                if (readUpTo > 0) {
                    sql.movePullCursor(source, readUpTo);
                }
                if (rallyId == null && rally != null) {
                    Schema.putMetadata(db, "rally_id", rally);
                }
                sql.commit();
                rallyId = rally;
                return stored;
            } catch (SQLException | RuntimeException e) {
                sql.rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "append " + events.size() + " event(s) from " + source + " to", e);
        }
    }

    /** An event pulled from a server: its sequence here, the server's name and the event's row id there. */
    public record RemoteMark(long sequence, String source, long serverId) {
    }

    /**
     * Everything a backup of this file holds, read in one read transaction: the writer id, every
     * event in order, which of them were pulled from a server, and the names of the sync cursors.
     */
    public record Snapshot(long writerId, List<StoredEvent> events, List<RemoteMark> remote, List<String> syncTargets) {
        public Snapshot {
            events = List.copyOf(events);
            remote = List.copyOf(remote);
            syncTargets = List.copyOf(syncTargets);
        }
    }

    /** Reads the whole file as one consistent {@link Snapshot} (a writer appending meanwhile waits, or is not seen). */
    public synchronized Snapshot snapshot() throws RallyFileException {
        requireOpen();
        long writer = writerId();
        List<StoredEvent> events = new ArrayList<>();
        List<RemoteMark> remote = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        try {
            sql.beginRead();
            try {
                try (ResultSet rows = sql.all()) {
                    while (rows.next()) {
                        events.add(row(rows));
                    }
                }
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
                sql.commit();
            } catch (SQLException | RallyFileException | RuntimeException e) {
                sql.rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the events of", e);
        }
        return new Snapshot(writer, events, remote, targets);
    }

    /** Checks the whole file without throwing: payloads, sequence, fold, triggers and {@code PRAGMA quick_check}. */
    public synchronized IntegrityReport verify() {
        requireOpen();
        return Integrity.check(path, db, schemaVersion);
    }

    /**
     * Writes every event, in order, one wire-format JSON object per line ending in {@code \n},
     * exactly what {@link #importJsonLines} reads back.
     */
    public synchronized void exportJsonLines(Writer out) throws RallyFileException, IOException {
        try {
            replay(stored -> {
                try {
                    out.write(EventJson.write(stored.event()));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** Closes the connection (SQLite checkpoints the WAL into the file) and releases the writer lock. */
    @Override
    public synchronized void close() throws RallyFileException {
        if (closed) {
            return;
        }
        closed = true;
        try (db) {
            sql.close();
        } catch (SQLException e) {
            throw Sqlite.failure(path, "close", e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    @Override
    public String toString() {
        return "RallyFile[" + path + (isReadOnly() ? ", read-only" : "") + (closed ? ", closed" : "") + "]";
    }

    Connection connection() {
        return db;
    }

    private StoredEvent row(ResultSet rows) throws SQLException, RallyFileException {
        long sequence = rows.getLong(1);
        String type = rows.getString(2);
        String payload = rows.getString(4);
        try {
            return new StoredEvent(sequence, EventCodec.decode(type, rows.getLong(3), payload), payload);
        } catch (EventFormatException e) {
            throw new RallyFileException(Reason.CORRUPT, path, path + ": stored event " + sequence + " (" + type
                    + ") cannot be read: " + e.getMessage() + ". The file was changed outside RallyLab;"
                    + " restore it from a backup or the cloud copy (verify lists every problem)", e);
        }
    }

    /** A query of the events table ({@link Statements}). */
    @FunctionalInterface
    private interface EventQuery {
        ResultSet run() throws SQLException;
    }

    /** The events {@code query} finds (at most {@code limit}), decoded. */
    private List<StoredEvent> read(EventQuery query, int limit) throws RallyFileException {
        List<StoredEvent> events = new ArrayList<>(Math.min(limit, 1024));
        try (ResultSet rows = query.run()) {
            while (rows.next()) {
                events.add(row(rows));
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the events of", e);
        }
        return events;
    }

    private static void checkRange(long sequence, int limit) {
        if (sequence < 0 || limit < 1) {
            throw new IllegalArgumentException("readAfter(" + sequence + ", " + limit
                    + "): the sequence must be 0 or more and the limit 1 or more");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
    }

    private void requireWritable() {
        requireOpen();
        if (lock == null) {
            throw new IllegalStateException(path + " is open read-only: open it for writing to change it");
        }
    }

    private static String createdByApp() {
        String version = RallyFile.class.getPackage().getImplementationVersion();
        return "RallyLab " + (version == null ? "(development build)" : version);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // already failing; the first error is the one to report
            }
        }
    }
}
