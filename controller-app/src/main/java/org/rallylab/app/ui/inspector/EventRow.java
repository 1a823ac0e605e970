package org.rallylab.app.ui.inspector;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.StoredEvent;

/**
 * One line of the event table. Only the stored event is kept; the texts are made when the table
 * shows the line, so ten thousand events cost ten thousand small objects and nothing more.
 */
final class EventRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final StoredEvent stored;
    private final RallyState names;

    EventRow(StoredEvent stored, RallyState names) {
        this.stored = stored;
        this.names = names;
    }

    StoredEvent stored() {
        return stored;
    }

    long sequence() {
        return stored.sequence();
    }

    String type() {
        return stored.type();
    }

    /** The time of day the event was recorded, in this computer's time zone; "" when the event has no time. */
    String recorded() {
        long ms = stored.timestamp();
        return ms <= 0 ? "" : TIME.format(Instant.ofEpochMilli(ms).atZone(ZoneId.systemDefault()));
    }

    /** The section's name, "" for a rally-wide event. */
    String section() {
        String id = stored.sectionId();
        return id == null ? "" : names.section(id).map(s -> s.sectionName()).orElse(id);
    }

    /** "recorded 2026-02-15 10:42:07", or "no time recorded". */
    String recordedFully() {
        long ms = stored.timestamp();
        return ms <= 0 ? "no time recorded"
                : "recorded " + DATE_TIME.format(Instant.ofEpochMilli(ms).atZone(ZoneId.systemDefault()));
    }

    String summary() {
        return EventSummary.of(stored.event(), names);
    }
}
