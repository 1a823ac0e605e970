package org.rallylab.store.backup;

import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;

/**
 * One event of a backup: its place in the rally file ({@code client_event_id}, 1, 2, 3 …), the
 * event, and for an event pulled from a cloud server the server's name ({@code source}, like
 * {@code "supabase:https://…"}) and the event's row id there. {@code source} and {@code serverId}
 * are both null for an event written on the laptop that made the backup.
 */
public record BackupEvent(long clientEventId, DomainEvent event, String source, Long serverId) {

    public BackupEvent {
        if (clientEventId < 1) {
            throw new IllegalArgumentException("client_event_id " + clientEventId + " is not a log position: they"
                    + " start at 1");
        }
        Objects.requireNonNull(event, "event");
        if ((source == null) != (serverId == null)) {
            throw new IllegalArgumentException("event " + clientEventId + ": a pulled event has both a source and a"
                    + " server row id, an own event neither (got source " + source + ", server id " + serverId + ")");
        }
        if (source != null && (source.isBlank() || serverId < 1)) {
            throw new IllegalArgumentException("event " + clientEventId + ": source \"" + source + "\" and server"
                    + " row id " + serverId + " do not name a server row (a non-blank name and a row id from 1)");
        }
    }

    /** An event written on the laptop that made the backup. */
    public static BackupEvent own(long clientEventId, DomainEvent event) {
        return new BackupEvent(clientEventId, event, null, null);
    }

    /** Whether the event was pulled from a cloud server (it is never pushed back there). */
    public boolean pulled() {
        return source != null;
    }
}
