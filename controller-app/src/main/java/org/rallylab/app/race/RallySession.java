package org.rallylab.app.race;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rallylab.domain.command.Access;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.EventLog;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;
import org.rallylab.store.StoredEvent;

/**
 * One rally file open for racing, its state and the rules: the only way the app changes a rally.
 *
 * <p>{@link #execute} decides a command against the state; when it is accepted, the events are
 * appended to the file (durable when {@code append} returns), and only then the events as stored
 * are applied to the state and announced to the listeners. So a screen never shows what is not
 * on disk, and the state is always the fold of the file, exactly what a restart rebuilds.
 *
 * <p>Threading: one thread only, the thread that created or opened the session (the UI thread in
 * the app, the test's thread in tests). Every method checks it and throws
 * {@link IllegalStateException} on another thread; track callbacks and timers must hop to the UI
 * thread first. Listeners run on that thread, inside {@code execute}.
 */
public final class RallySession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RallySession.class.getName());

    private final EventLog log;
    private final Path path;
    private final Clock clock;
    private final RaceRules rules;
    private final Thread owner;
    private final RallyState state;
    private final List<StoredEvent> events = new ArrayList<>();
    private final List<Consumer<SessionChange>> listeners = new CopyOnWriteArrayList<>();
    private final Queue<SessionChange> announcing = new ArrayDeque<>();
    private Access access = Access.EVERYTHING;
    private boolean notifying;
    private String lastRaceId;
    private RallyFileException writeFailure;
    private boolean closed;

    private RallySession(EventLog log, Path path, Clock clock, RaceRules rules) throws RallyFileException {
        this.log = log;
        this.path = path;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.owner = Thread.currentThread();
        this.state = RallyState.empty();
        log.replay(this::fold);
    }

    /** Creates a new, empty rally file (never overwriting one) and opens it for racing. */
    public static RallySession create(Path path, Clock clock, RaceRules rules) throws RallyFileException {
        RallyFile file = RallyFile.create(path);
        return over(file, file.path(), clock, rules);
    }

    /** {@link #create(Path, Clock, RaceRules)} with the default rules. */
    public static RallySession create(Path path, Clock clock) throws RallyFileException {
        return create(path, clock, new RaceRules());
    }

    /**
     * Opens an existing rally file for racing and rebuilds its state. A file that is locked by
     * another window, damaged, not a rally file or from a newer RallyLab is refused with the
     * store's message ({@link RallyFileException#reason()} says which).
     */
    public static RallySession open(Path path, Clock clock, RaceRules rules) throws RallyFileException {
        RallyFile file = RallyFile.openForWriting(path);
        return over(file, file.path(), clock, rules);
    }

    /** {@link #open(Path, Clock, RaceRules)} with the default rules. */
    public static RallySession open(Path path, Clock clock) throws RallyFileException {
        return open(path, clock, new RaceRules());
    }

    /**
     * Opens a rally file only to look at it, even one whose hash chain is broken (it was changed
     * after it was written): every command is refused, nothing can be written.
     */
    public static RallySession inspect(Path path, Clock clock) throws RallyFileException {
        RallyFile file = RallyFile.openForInspection(path);
        return over(file, file.path(), clock, new RaceRules());
    }

    /** A session over any event log (tests use a log whose appends fail); it takes the log over. */
    static RallySession over(EventLog log, Path path, Clock clock, RaceRules rules) throws RallyFileException {
        try {
            return new RallySession(log, path, clock, rules);
        } catch (RallyFileException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public Clock clock() {
        return clock;
    }

    public RaceRules rules() {
        return rules;
    }

    /** The state: the fold of every event in the file. Read it; never apply events to it. */
    public RallyState state() {
        checkThread();
        return state;
    }

    /**
     * Decides {@code command} now; when accepted, appends its events (one durable transaction),
     * applies the stored events and tells the listeners. Returns the decision: {@code Accepted}
     * (its events are the ones decided), or {@code Rejected} / {@code Held} / {@code Ignored} with
     * a message for the operator and nothing written. When the file cannot be written the answer
     * is {@code Rejected} with the store's message and the state is unchanged.
     */
    public Decision execute(Command command) {
        Decision decision = preview(command);
        if (!(decision instanceof Decision.Accepted accepted) || accepted.events().isEmpty()) {
            return decision;
        }
        List<StoredEvent> stored;
        try {
            stored = log.append(accepted.events());
        } catch (RallyFileException e) {
            if (e.reason() == RallyFileException.Reason.DISK_FULL) {
                LOG.log(System.Logger.Level.WARNING, "could not append " + command + ": " + e.getMessage());
            } else {
                LOG.log(System.Logger.Level.ERROR, "could not append " + command, e);
            }
            writeFailure = e;
            return new Decision.Rejected(e.reason() == RallyFileException.Reason.DISK_FULL
                    ? "The disk is full: free some space, then do it again; nothing recorded was lost. ("
                    + e.getMessage() + ")" : e.getMessage());
        }
        writeFailure = null;
        stored.forEach(this::fold);
        announce(new SessionChange(command, stored, state));
        return decision;
    }

    /**
     * What {@link #execute} would answer for {@code command} now, with nothing written, applied or
     * announced: the same refusals (a read-only file, a role that may not, the rules) and, when
     * accepted, the events it would append. A dialog asks it while the operator fills it in and shows
     * its message, so every rule of the race stays in the rules. Only a failing disk can still refuse
     * an accepted command when it is executed.
     */
    public Decision preview(Command command) {
        checkOpen();
        Objects.requireNonNull(command, "command");
        if (log instanceof RallyFile file && file.isReadOnly()) {
            return new Decision.Rejected(path.getFileName() + " is open read-only, to look at it: nothing can be"
                    + " changed here.");
        }
        Optional<String> notYours = access.refusal(state, command);
        if (notYours.isPresent()) {
            return new Decision.Rejected(notYours.get());
        }
        return rules.decide(state, command, clock.millis());
    }

    /**
     * Why the last append failed (a full disk, a pulled stick), when the last command the rules
     * accepted could not be written; empty once an append succeeds again. The race loop uses it to
     * keep a race and record it when the disk takes it.
     */
    public Optional<RallyFileException> writeFailure() {
        checkThread();
        return Optional.ofNullable(writeFailure);
    }

    /**
     * Limits what {@link #execute} accepts to what {@code limits} allows (the signed-in person's
     * role in a rally from the cloud); {@link Access#EVERYTHING} lifts the limits.
     */
    public void limitTo(Access limits) {
        checkThread();
        access = Objects.requireNonNull(limits, "limits");
    }

    /** What {@link #execute} accepts now. */
    public Access access() {
        checkThread();
        return access;
    }

    /**
     * Appends events other laptops pushed to the rally's cloud copy ({@link RallyFile#appendFromServer}),
     * applies them and tells the listeners with a change whose command is null. Pulled events are
     * facts already recorded elsewhere: no rule is asked, and a log that would be refused here is
     * still folded (docs/events.md: history is never rejected).
     *
     * @throws IllegalStateException the session does not run over a rally file
     */
    public List<StoredEvent> receive(String source, List<RemoteEvent> pulled, long readUpTo) throws RallyFileException {
        checkOpen();
        RallyFile file = rallyFile().orElseThrow(() -> new IllegalStateException(
                "events from the cloud need a rally file; this session runs over " + log));
        List<StoredEvent> stored = file.sync().appendFromServer(source, pulled, readUpTo);
        if (!stored.isEmpty()) {
            stored.forEach(this::fold);
            announce(new SessionChange(null, stored, state));
        }
        return stored;
    }

    /**
     * Calls {@code listener} after every accepted command, on the session's thread, in order.
     * A listener may execute commands; their changes are announced after the current one has
     * reached every listener. A listener that throws does not stop the others; its exception goes
     * to the thread's uncaught exception handler.
     */
    public Subscription addListener(Consumer<SessionChange> listener) {
        checkThread();
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every event of the file, in order, with its sequence number (for the event inspector); a copy. */
    public List<StoredEvent> events() {
        checkThread();
        return List.copyOf(events);
    }

    /** The sequence of the last event, 0 for an empty file. */
    public long lastSequence() {
        checkThread();
        return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
    }

    /** The state as it was right after the event with {@code sequence} (0: empty): a replay of that prefix. */
    public RallyState stateAt(long sequence) {
        checkThread();
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is not a log position: they start at 1");
        }
        RallyState then = RallyState.empty();
        for (StoredEvent e : events) {
            if (e.sequence() > sequence) {
                break;
            }
            then.apply(e.event());
        }
        return then;
    }

    /**
     * The section racing now: started, not complete, and touched by the log most recently
     * (normally there is one). Empty when no section is racing.
     */
    public Optional<SectionState> activeSection() {
        checkThread();
        for (int i = events.size() - 1; i >= 0; i--) {
            String id = events.get(i).sectionId();
            if (id != null) {
                Optional<SectionState> s = state.section(id).filter(x -> x.started() && !x.completed());
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        return Optional.empty();
    }

    /** The race id of the last RaceCompleted in the file: the {@code after} for the track. */
    public Optional<String> lastRaceId() {
        checkThread();
        return Optional.ofNullable(lastRaceId);
    }

    /**
     * The open rally file, when the session runs over one (tests may use another log): for a
     * background reader such as the cloud's push worker (RallyFile's methods are synchronized).
     * Never close it: the session does.
     */
    public Optional<RallyFile> rallyFile() {
        return log instanceof RallyFile file ? Optional.of(file) : Optional.empty();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the rally file (releasing its lock). Listeners are dropped. Calling it twice is harmless. */
    @Override
    public void close() throws RallyFileException {
        checkThread();
        if (closed) {
            return;
        }
        closed = true;
        listeners.clear();
        log.close();
    }

    private void fold(StoredEvent stored) {
        DomainEvent event = stored.event();
        state.apply(event);
        events.add(stored);
        if (event instanceof RaceCompleted race) {
            lastRaceId = race.raceId();
        }
    }

    private void announce(SessionChange change) {
        announcing.add(change);
        if (notifying) {
            return; // a listener executed a command: announced when the current change is done
        }
        notifying = true;
        try {
            SessionChange next;
            while ((next = announcing.poll()) != null) {
                for (Consumer<SessionChange> listener : listeners) {
                    try {
                        listener.accept(next);
                    } catch (RuntimeException e) {
                        Thread t = Thread.currentThread();
                        t.getUncaughtExceptionHandler().uncaughtException(t, e);
                    }
                }
            }
        } finally {
            notifying = false;
        }
    }

    private void checkOpen() {
        checkThread();
        if (closed) {
            throw new IllegalStateException(path + " is closed: open it again to race");
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("RallySession belongs to thread \"" + owner.getName()
                    + "\" but was called on \"" + Thread.currentThread().getName()
                    + "\": hand the call to the UI executor");
        }
    }
}
