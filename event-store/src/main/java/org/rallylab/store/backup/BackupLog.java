package org.rallylab.store.backup;

import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EntryCheck;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.state.RallyState;

/**
 * What a backup's log must be, checked the same way by the writer (before it writes) and the
 * reader (before it restores): every event passes the {@link EntryCheck} that guards every way
 * into a rally file (limits; RallyCreated first and once; one rally; a start stages its first
 * heat), and the whole log folds. So a backup that was written is a backup that restores.
 */
final class BackupLog {

    /** The first event that fails, and why. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private BackupLog() {
    }

    /** The fold of {@code events}, after checking them; event numbers count from 1. */
    static RallyState check(List<DomainEvent> events) throws Problem {
        EntryCheck entry = EntryCheck.newLog();
        RallyState state = RallyState.empty();
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            try {
                entry.admit(event);
            } catch (EventFormatException e) {
                throw new Problem("event " + (i + 1) + " (" + event.type() + ") is refused: " + e.getMessage());
            }
            try {
                state.apply(event);
            } catch (RuntimeException e) {
                throw new Problem("event " + (i + 1) + " (" + event.type() + ") cannot be replayed after the events"
                        + " before it (" + e + ")");
            }
        }
        return state;
    }
}
