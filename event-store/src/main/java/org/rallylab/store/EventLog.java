package org.rallylab.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;

/**
 * The log of one rally: events appended in order, never changed or removed (docs/events.md). Every
 * implementation keeps the same contract, checked by one contract test suite:
 *
 * <ul>
 *   <li>{@link #append} stores a batch in one transaction and returns only when it is durable;
 *       sequence numbers run 1, 2, 3 … with no gaps and are never reused.</li>
 *   <li>A log holds one rally: the first event that names a {@code rally_id} fixes it, and an
 *       append naming another is refused as a whole.</li>
 *   <li>An event is stored in the wire format; {@link StoredEvent#event()} is the event as it
 *       reads back, which is what replay gives later.</li>
 * </ul>
 *
 * Implementations are safe to share between threads (one call at a time).
 */
public interface EventLog extends AutoCloseable {

    /**
     * Appends {@code events} in one transaction, after checking that each belongs to this
     * rally and reads back from the wire format. Returns the stored events, in order, once
     * the commit is durable; an empty list is a no-op. Apply the returned events (not the
     * ones passed in) to a state, so it matches what a replay will give.
     *
     * @throws RallyFileException when nothing was stored: another rally's event, or the file
     *     could not be written
     * @throws IllegalArgumentException when an event would not read back (a bug in the
     *     caller); nothing was stored
     */
    List<StoredEvent> append(List<? extends DomainEvent> events) throws RallyFileException;

    /** Appends one event; see {@link #append(List)}. */
    default StoredEvent append(DomainEvent event) throws RallyFileException {
        return append(List.of(event)).get(0);
    }

    /** Gives every event to {@code each}, in sequence order. */
    void replay(Consumer<StoredEvent> each) throws RallyFileException;

    /** Up to {@code limit} events with a sequence above {@code sequence}, in order (for the sync worker). */
    List<StoredEvent> readAfter(long sequence, int limit) throws RallyFileException;

    /** The sequence of the last event, or 0 for an empty log. */
    long lastSequence() throws RallyFileException;

    /** The rally this log holds, once an event has named it. */
    Optional<String> rallyId();

    /** The state of the rally: the fold of the whole log. */
    default RallyState rebuild() throws RallyFileException {
        RallyState state = RallyState.empty();
        replay(stored -> state.apply(stored.event()));
        return state;
    }

    /** Releases the log (for a file: its connection and its writer lock). Calling it twice is harmless. */
    @Override
    void close() throws RallyFileException;
}
