package org.rallylab.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;

/**
 * Turns events into stored rows and back, the same way for every {@link EventLog}: the payload
 * is {@code EventJson.payload(event)} as text, and an event is decoded from its type, timestamp
 * and payload. Encoding reads the payload back before anything is stored, so a log never holds
 * an event that replay could not read.
 */
final class EventCodec {

    private static final ObjectReader TREE_READER = EventJson.mapper().reader();

    private EventCodec() {
    }

    /** The stored form of {@code events}, numbered from {@code firstSequence}. */
    static List<StoredEvent> encode(List<? extends DomainEvent> events, long firstSequence) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            if (event == null) {
                throw new IllegalArgumentException("event " + (i + 1) + " of " + events.size()
                        + " is null; nothing was appended");
            }
            String payload = EventJson.payload(event).toString();
            try {
                stored.add(new StoredEvent(firstSequence + i, decode(event.type(), event.timestamp(), payload), payload));
            } catch (EventFormatException e) {
                throw new IllegalArgumentException("event " + (i + 1) + " of " + events.size() + " (" + event.type()
                        + ") would not read back from the log: " + e.getMessage() + "; nothing was appended", e);
            }
        }
        return stored;
    }

    /** Rebuilds an event from a stored row. */
    static DomainEvent decode(String type, long timestamp, String payload) throws EventFormatException {
        try {
            return EventJson.read(type, timestamp, TREE_READER.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new EventFormatException(type + ": payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Checks that every event naming a rally names the log's one; returns the log's rally id
     * after the append (the first one named, when the log had none).
     */
    static String checkRally(String logRally, List<? extends DomainEvent> events, Path file, String logName)
            throws RallyFileException {
        String rally = logRally;
        String firstNamedBy = null;
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            String eventRally = event == null ? null : event.rallyId();
            if (eventRally == null) {
                continue;
            }
            if (rally == null) {
                rally = eventRally;
                firstNamedBy = "event " + (i + 1) + " of this append";
            } else if (!rally.equals(eventRally)) {
                String holder = firstNamedBy == null ? logName + " holds rally " + rally
                        : firstNamedBy + " names rally " + rally;
                throw new RallyFileException(RallyFileException.Reason.WRONG_RALLY, file, holder
                        + ", but event " + (i + 1) + " of " + events.size() + " (" + event.type()
                        + ") belongs to rally " + eventRally
                        + ": nothing was appended; each rally has its own rally file");
            }
        }
        return rally;
    }
}
