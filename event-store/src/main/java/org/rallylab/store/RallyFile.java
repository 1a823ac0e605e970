package org.rallylab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EntryCheck;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.store.RallyFileException.Reason;

/**
 * A rally file: one SQLite database per rally (extension {@value #EXTENSION}) holding its
 * append-only event log, each event chained to the one before by its hash ({@link EventChain}).
 * This class is the log; {@link #sync()} is the file's sync ledger (what the cloud has, what came
 * from it); {@link RallyFileOpener} makes and opens files.
 *
 * <p>Durability: the file runs in WAL mode with {@code synchronous=FULL}, so {@link #append}
 * returns only after its transaction is on the disk; a crash (even {@code kill -9}) loses at
 * most an append that had not returned. Every append is then folded into the main file
 * (a passive checkpoint), so a copy of the {@code .rallylab} file alone, taken while the app
 * races, holds every event acknowledged before the copy began. A clean close leaves only the
 * {@code .rallylab} file. Append-only is enforced by triggers in the database itself.
 *
 * <p>Every event on its way in passes the one {@link EntryCheck} (limits and order), whatever
 * way it comes. A failed append (a full disk) is rolled back whole; the file takes the next
 * append as soon as it can, without reopening.
 *
 * <p>One writer at a time, however the file is named ({@link FileHandle}); any number of
 * read-only opens may run beside it. Methods are synchronized: one call at a time per instance.
 * Do not append from inside {@link #replay}'s consumer.
 */
public final class RallyFile implements EventLog {

    public static final String EXTENSION = ".rallylab";
    /** The system property that names another data folder. */
    public static final String DATA_FOLDER_PROPERTY = "rallylab.data";
    private static final String SETTING_PREFIX = "setting.";

    private final Path path;
    private final Connection db;
    private final FileHandle handle;
    private final ReadCopy readCopy;
    private final boolean writable;
    private final int schemaVersion;
    private final String brokenAt;
    /** Whether every event's hash was checked against the chain (at open, or by a full replay since). */
    private boolean chainChecked;
    private final Statements sql;
    private final SyncLedger ledger;
    private EventChain chain;
    private EntryCheck entry;
    private String rallyId;
    private boolean closed;
    /** Whether each append is folded into the main file (off for a hidden file made whole, synced at the end). */
    private boolean foldEachAppend = true;

    RallyFile(Path path, Connection db, FileHandle handle, ReadCopy readCopy, int schemaVersion, LogScan.Result scan)
            throws SQLException {
        this.path = path;
        this.db = db;
        this.handle = handle;
        this.readCopy = readCopy;
        this.writable = handle != null && handle.isWriter();
        this.schemaVersion = schemaVersion;
        this.sql = new Statements(db);
        this.rallyId = sql.metadata("rally_id");
        this.chain = new EventChain(scan.head());
        this.entry = scan.entry();
        this.brokenAt = scan.brokenAt();
        this.chainChecked = scan.verified() || !Schema.chained(schemaVersion);
        this.ledger = new SyncLedger(this, sql, schemaVersion);
        CloseAtExit.register(this);
    }

    // ---- making and opening files: RallyFileOpener's javadoc has the order of the checks ----------

    /** Creates a new, empty rally file, open for writing. Refuses a file that exists (it is never overwritten). */
    public static RallyFile create(Path file) throws RallyFileException {
        return RallyFileOpener.create(file, Schema.newWriterId());
    }

    /**
     * Opens a rally file to race with: the writer lock, the exact schema, the hash chain, and an
     * older schema migrated in one transaction. A broken chain is refused ({@link Reason#CHANGED},
     * naming the first event that does not match); {@link #openForInspection} still shows it.
     */
    public static RallyFile openForWriting(Path file) throws RallyFileException {
        return RallyFileOpener.openForWriting(file);
    }

    /**
     * Opens a rally file to look at, beside any writer; checked as for writing, never migrated. On
     * read-only media it is read from a private copy, so nothing is created beside it.
     */
    public static RallyFile openReadOnly(Path file) throws RallyFileException {
        return RallyFileOpener.openReadOnly(file, false);
    }

    /** {@link #openReadOnly}, even when the hash chain is broken ({@link #chainProblem()} says where). */
    public static RallyFile openForInspection(Path file) throws RallyFileException {
        return RallyFileOpener.openReadOnly(file, true);
    }

    /**
     * Creates {@code newRallyFile} from a JSON Lines log as {@link #exportJsonLines} writes it,
     * checked whole first, complete or not at all ({@link JsonLinesImport}).
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
     * Creates {@code newRallyFile} complete or not at all, with the writer id {@code writerId} (0 to
     * 2<sup>30</sup>; a restored rally keeps its own): {@code filling} appends to a hidden file
     * beside it, put in place only when it returns; an existing target is refused untouched.
     */
    public static <T> T createAtomically(Path newRallyFile, long writerId, Filling<T> filling)
            throws RallyFileException {
        return RallyFileOpener.createAtomically(newRallyFile, writerId, filling);
    }

    /**
     * Checks a rally file and reports, never refusing what it finds (only a file that is not a
     * rally file at all): quick_check, the marks, the exact schema, the hash chain, every payload,
     * the sequence, the fold.
     */
    public static IntegrityReport verify(Path file) throws RallyFileException {
        return RallyFileOpener.verify(file);
    }

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

    // ---- the log ---------------------------------------------------------------------------------

    public Path path() {
        return path;
    }

    /** The schema version of the file as open (a read-only open of an older file keeps its version). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public boolean isReadOnly() {
        return !writable;
    }

    /** Where the hash chain breaks, in words, for a file opened {@link #openForInspection for inspection}. */
    public Optional<String> chainProblem() {
        return Optional.ofNullable(brokenAt);
    }

    /** The hash of the last event in the {@link EventChain} (64 zero digits for an empty or unchained log). */
    public synchronized String chainHead() {
        requireOpen();
        return chain.headHex();
    }

    /** The file's sync ledger: cursors, the writer id and the events pulled from servers. */
    public SyncLedger sync() {
        return ledger;
    }

    @Override
    public synchronized List<StoredEvent> append(List<? extends DomainEvent> events) throws RallyFileException {
        return appendAnd(events, path.toString(), stored -> { });
    }

    /** What an append also writes in its transaction (the ledger's marks of pulled events). */
    @FunctionalInterface
    interface AlsoWrite {
        void write(List<StoredEvent> stored) throws SQLException;
    }

    /**
     * Appends {@code events} and whatever {@code also} writes, in one transaction: the rally is
     * checked, the events pass the {@link EntryCheck}, are chained and stored; then the write-ahead
     * log is folded into the file. Any failure rolls the whole transaction back and leaves the
     * file ready for the next append.
     */
    synchronized List<StoredEvent> appendAnd(List<? extends DomainEvent> events, String from, AlsoWrite also)
            throws RallyFileException {
        requireWritable();
        if (events.isEmpty()) {
            return List.of();
        }
        String rally = EventCodec.checkRally(rallyId, events, path, from);
        EntryCheck after = checked(events, from);
        List<StoredEvent> stored = EventCodec.encode(events, nextSequence());
        EventChain extended = new EventChain(chain.head());
        List<byte[]> hashes = new ArrayList<>(stored.size());
        for (StoredEvent e : stored) {
            hashes.add(extended.add(e.type(), e.timestamp(), e.payloadJson()));
        }
        try {
            sql.begin();
            try {
                sql.insert(stored, hashes);
                also.write(stored);
                if (rallyId == null && rally != null) {
                    Schema.putMetadata(db, "rally_id", rally);
                }
                sql.commit();
            } catch (SQLException | RuntimeException e) {
                sql.rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "append " + events.size() + " event(s) to", e);
        }
        rallyId = rally;
        entry = after;
        chain = extended;
        if (foldEachAppend) {
            foldIntoFile();
        }
        return stored;
    }

    /** The entry check after {@code events}, or the refusal naming the event and the rule. */
    private EntryCheck checked(List<? extends DomainEvent> events, String from) throws RallyFileException {
        EntryCheck trial = entry.copy();
        try {
            trial.admit(events);
        } catch (EventFormatException e) {
            throw new RallyFileException(Reason.REFUSED, path, "cannot append to " + path.getFileName() + " from "
                    + from + ": " + e.getMessage() + ". Nothing was stored", e);
        }
        return trial;
    }

    private long nextSequence() throws RallyFileException {
        try {
            return sql.nextSequence();
        } catch (SQLException e) {
            sql.reset();
            throw Sqlite.failure(path, "read", e);
        }
    }

    /**
     * Folds the write-ahead log into the main file, so the {@code .rallylab} file alone holds
     * every event acknowledged so far (a copy of it taken now is whole). Passive: it never waits,
     * and a reader that keeps an older view only postpones it to the next append.
     */
    private void foldIntoFile() {
        try {
            sql.checkpoint();
        } catch (SQLException e) {
            sql.reset(); // the events are durable in the WAL; the next append folds them in
        }
    }

    /**
     * Gives every event to {@code each}, in order. The first full replay of a file opened read-only
     * also checks each event against its hash in the chain, in the same pass, and refuses at the
     * first that does not match ({@link Reason#CHANGED}): the file was changed after it was written.
     */
    @Override
    public synchronized void replay(Consumer<StoredEvent> each) throws RallyFileException {
        requireOpen();
        try {
            readAll(each);
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the events of", e);
        }
    }

    /** Every event in order; the first full read of an unchecked file checks the chain on the way. */
    private void readAll(Consumer<StoredEvent> each) throws SQLException, RallyFileException {
        boolean check = !chainChecked && brokenAt == null;
        EventChain recomputed = new EventChain();
        try (ResultSet rows = check ? sql.allChained() : sql.all()) {
            while (rows.next()) {
                byte[] payload = check ? rows.getBytes(4) : null; // the text's UTF-8 bytes, as stored and hashed
                StoredEvent stored = check ? row(rows, new String(payload, StandardCharsets.UTF_8)) : row(rows);
                if (check) {
                    recomputed.add(stored.type(), stored.timestamp(), payload);
                    if (!recomputed.headIs(rows.getBytes(5))) {
                        throw RallyFileOpener.brokenChain(path, LogScan.brokenChain(stored.sequence(), stored.type()));
                    }
                }
                each.accept(stored);
            }
        }
        chainChecked = true;
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

    /**
     * A setting an earlier RallyLab kept in the rally file (the USB backup folder): only ever
     * offered to the operator, never used unasked; settings now belong to the laptop. Empty when
     * the file has none.
     */
    public synchronized Optional<String> setting(String key) throws RallyFileException {
        requireOpen();
        try {
            return Optional.ofNullable(sql.metadata(SETTING_PREFIX + key));
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the settings of", e);
        }
    }

    /**
     * Everything a backup of this file holds, read in one read transaction: the writer id, every
     * event in order, which of them were pulled from a server, the names of the sync cursors and
     * the chain head.
     */
    public record Snapshot(long writerId, List<StoredEvent> events, List<SyncLedger.RemoteMark> remote,
                           List<String> syncTargets, String chainHead) {
        public Snapshot {
            events = List.copyOf(events);
            remote = List.copyOf(remote);
            syncTargets = List.copyOf(syncTargets);
        }
    }

    /** Reads the whole file as one consistent {@link Snapshot} (a writer appending meanwhile waits, or is not seen). */
    public synchronized Snapshot snapshot() throws RallyFileException {
        requireOpen();
        long writer = ledger.writerId();
        List<StoredEvent> events = new ArrayList<>();
        List<SyncLedger.RemoteMark> remote = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        String head;
        try {
            sql.beginRead();
            try {
                readAll(events::add);
                ledger.readMarks(remote, targets);
                head = headOf(events);
                sql.commit();
            } catch (SQLException | RallyFileException | RuntimeException e) {
                sql.rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw Sqlite.failure(path, "read the events of", e);
        }
        return new Snapshot(writer, events, remote, targets, head);
    }

    /** The chain head after {@code events} (read in the snapshot's transaction, so it matches them). */
    private String headOf(List<StoredEvent> events) throws SQLException {
        if (!Schema.chained(schemaVersion)) {
            EventChain computed = new EventChain();
            events.forEach(e -> computed.add(e.type(), e.timestamp(), e.payloadJson()));
            return computed.headHex();
        }
        byte[] last = sql.lastHash();
        return EventChain.hex(last == null ? new EventChain().head() : last);
    }

    /** Checks the whole file without throwing: payloads, sequence, chain, schema, fold, {@code PRAGMA quick_check}. */
    public synchronized IntegrityReport verify() {
        requireOpen();
        return Integrity.check(path, db, schemaVersion);
    }

    /**
     * Writes every event, in order, one wire-format JSON object per line ending in {@code \n},
     * then one closing line with the number of events and the chain head: exactly what
     * {@link #importJsonLines} reads back and checks ({@link JsonLinesExport}).
     */
    public synchronized void exportJsonLines(Writer out) throws RallyFileException, IOException {
        JsonLinesExport.write(this, out);
    }

    /**
     * Writes a consistent copy of the whole file to {@code target} with SQLite's online backup
     * (every event acknowledged so far; an append waits meanwhile), checks it, and puts it in
     * place; an existing {@code target} is never overwritten.
     */
    public synchronized void copyTo(Path target) throws RallyFileException {
        requireOpen();
        RallyFileCopy.copy(this, db, target);
    }

    /**
     * Closes the connection (SQLite folds the WAL into the file and removes its {@code -wal} and
     * {@code -shm} when no other program has the file open) and releases the writer lock.
     */
    @Override
    public synchronized void close() throws RallyFileException {
        if (closed) {
            return;
        }
        closed = true;
        CloseAtExit.unregister(this);
        try (db) {
            sql.close();
        } catch (SQLException e) {
            throw Sqlite.failure(path, "close", e);
        } finally {
            if (handle != null) {
                handle.close();
            }
            if (readCopy != null) {
                readCopy.close();
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

    /**
     * For a hidden file made whole before anyone sees it ({@link #createAtomically}): commits stop
     * waiting for the disk and are not folded in one by one; closing folds and the file is forced to
     * the disk as a whole.
     */
    synchronized void unsyncedUntilClosed() throws RallyFileException {
        Sqlite.unsynced(db, path);
        foldEachAppend = false;
    }

    private StoredEvent row(ResultSet rows) throws SQLException, RallyFileException {
        return row(rows, rows.getString(4));
    }

    /** The row as a stored event, its payload already read as {@code payload}. */
    private StoredEvent row(ResultSet rows, String payload) throws SQLException, RallyFileException {
        long sequence = rows.getLong(1);
        String type = rows.getString(2);
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
    interface EventQuery {
        ResultSet run() throws SQLException;
    }

    /** The events {@code query} finds (at most {@code limit}), decoded. */
    synchronized List<StoredEvent> read(EventQuery query, int limit) throws RallyFileException {
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

    static void checkRange(long sequence, int limit) {
        if (sequence < 0 || limit < 1) {
            throw new IllegalArgumentException("readAfter(" + sequence + ", " + limit
                    + "): the sequence must be 0 or more and the limit 1 or more");
        }
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
    }

    void requireWritable() {
        requireOpen();
        if (!writable) {
            throw new IllegalStateException(path + " is open read-only: open it for writing to change it");
        }
    }
}
