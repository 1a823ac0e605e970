package org.rallylab.store;

import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;

/**
 * An event read from a server, with the server's row id for it: what
 * {@link RallyFile#appendFromServer} appends. The row id is how the file knows the event is
 * already on that server (so it is never pushed back) and where the next pull starts.
 */
public record RemoteEvent(long serverId, DomainEvent event) {

    public RemoteEvent {
        if (serverId < 1) {
            throw new IllegalArgumentException("server row id " + serverId + " is not a row id: they start at 1");
        }
        Objects.requireNonNull(event, "event");
    }
}
