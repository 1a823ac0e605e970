package org.rallylab.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EntryCheck;
import org.rallylab.domain.event.EventFormatException;

/**
 * An {@link EventLog} in memory, with the same contract as a {@link RallyFile} (the same
 * contract tests run against both) but nothing durable: for tests and previews ("what would
 * the standings be if…"). Events are encoded and read back exactly as a file stores them.
 */
public final class InMemoryEventLog implements EventLog {

    private static final String NAME = "this in-memory log";

    private final List<StoredEvent> events = new ArrayList<>();
    private EntryCheck entry = EntryCheck.newLog();
    private String rallyId;

    @Override
    public synchronized List<StoredEvent> append(List<? extends DomainEvent> batch) throws RallyFileException {
        if (batch.isEmpty()) {
            return List.of();
        }
        String rally = EventCodec.checkRally(rallyId, batch, null, NAME);
        EntryCheck after = entry.copy();
        try {
            after.admit(batch);
        } catch (EventFormatException e) {
            throw new RallyFileException(RallyFileException.Reason.REFUSED, null, "cannot append to " + NAME + ": "
                    + e.getMessage() + ". Nothing was stored", e);
        }
        List<StoredEvent> stored = EventCodec.encode(batch, events.size() + 1L);
        events.addAll(stored);
        entry = after;
        rallyId = rally;
        return List.copyOf(stored);
    }

    @Override
    public void replay(Consumer<StoredEvent> each) {
        for (StoredEvent e : snapshot(0, Integer.MAX_VALUE)) {
            each.accept(e);
        }
    }

    @Override
    public List<StoredEvent> readAfter(long sequence, int limit) {
        if (sequence < 0 || limit < 1) {
            throw new IllegalArgumentException("readAfter(" + sequence + ", " + limit
                    + "): the sequence must be 0 or more and the limit 1 or more");
        }
        return snapshot(sequence, limit);
    }

    @Override
    public synchronized long lastSequence() {
        return events.size();
    }

    @Override
    public synchronized Optional<String> rallyId() {
        return Optional.ofNullable(rallyId);
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** Up to {@code limit} events after {@code sequence}; sequence n is at index n - 1. */
    private synchronized List<StoredEvent> snapshot(long sequence, int limit) {
        int from = (int) Math.min(sequence, events.size());
        int to = (int) Math.min((long) from + limit, events.size());
        return new ArrayList<>(events.subList(from, to));
    }
}
