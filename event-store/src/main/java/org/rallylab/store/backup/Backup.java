package org.rallylab.store.backup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;

/**
 * A backup file, read and checked completely ({@link BackupFiles#read}): the rally, when the
 * backup was written, the rally file's writer id and sync targets, every event in order, and the
 * head of the rally file's hash chain ({@link org.rallylab.store.EventChain}; null for a backup
 * written before RallyLab kept one), which a restored file must reproduce.
 */
public record Backup(String rallyId, String rallyName, Instant writtenAt, long writerId, List<String> syncTargets,
                     List<BackupEvent> events, String chainHead) {

    public Backup {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(rallyName, "rallyName");
        Objects.requireNonNull(writtenAt, "writtenAt");
        syncTargets = List.copyOf(syncTargets);
        events = List.copyOf(events);
    }

    /** The domain events, in order. */
    public List<DomainEvent> domainEvents() {
        List<DomainEvent> all = new ArrayList<>(events.size());
        events.forEach(e -> all.add(e.event()));
        return all;
    }

    /** The rally as the events fold (computed on each call). */
    public RallyState state() {
        return RallyState.replay(domainEvents());
    }

    /** When the last event was recorded; empty for a backup without events. */
    public Optional<Instant> lastEventTime() {
        return events.isEmpty() ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(events.get(events.size() - 1).event().timestamp()));
    }
}
