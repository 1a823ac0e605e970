package org.rallylab.app.race;

import java.util.List;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.StoredEvent;

/**
 * What one accepted command changed: its events as the rally file stored them (with their
 * sequence numbers) and the session's state after them. {@code command} is null when the events
 * came from the cloud ({@link RallySession#receive}): another laptop recorded them.
 *
 * <p>{@code state} is the session's live state, read-only: never apply events to it. When a
 * listener executes another command while changes are being announced, listeners called later
 * for this change already see that command's events in {@code state} (its own change follows).
 */
public record SessionChange(Command command, List<StoredEvent> events, RallyState state) {
    public SessionChange {
        events = List.copyOf(events);
    }

    /** Whether another laptop recorded these events (they were pulled from the cloud). */
    public boolean fromCloud() {
        return command == null;
    }
}
