package org.rallylab.sync.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.CheckInVolunteerInvited;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RegistrarInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.domain.event.SectionCreated;

/** Realistic domain_events rows (wire-format payloads through EventJson) for the schema tests. */
final class Events {

    private static final AtomicLong CLOCK = new AtomicLong(1_708_012_345_678L);

    private Events() {
    }

    /** One sample event of every type in docs/events.md, our extensions and an unknown type, in log order. */
    static List<DomainEvent> oneOfEachType() {
        Map<String, DomainEvent> byType = new LinkedHashMap<>();
        for (DomainEvent e : SampleEvents.everyType()) {
            byType.putIfAbsent(e.type(), e);
        }
        return new ArrayList<>(byType.values());
    }

    static EventRow rallyCreated(UUID rally, UUID by, long cid) {
        return row(new RallyCreated(now(), rally.toString(), "Kub Kar Rally", "2026-02-15", "organizer@example.org",
                Extras.NONE), rally, null, by, cid);
    }

    static EventRow sectionCreated(UUID rally, UUID section, UUID by, long cid) {
        return row(new SectionCreated(now(), rally.toString(), section.toString(), "Section " + section,
                "organizer@example.org", Extras.NONE), rally, section, by, cid);
    }

    static EventRow operatorInvited(UUID rally, String email, UUID by, long cid) {
        return row(new OperatorInvited(now(), rally.toString(), email, "organizer@example.org", Extras.NONE),
                rally, null, by, cid);
    }

    static EventRow registrarInvited(UUID rally, UUID section, String email, UUID by, long cid) {
        return row(new RegistrarInvited(now(), rally.toString(), section.toString(), email, "organizer@example.org",
                Extras.NONE), rally, section, by, cid);
    }

    static EventRow volunteerInvited(UUID rally, UUID section, String email, UUID by, long cid) {
        return row(new CheckInVolunteerInvited(now(), rally.toString(), section.toString(), email,
                "organizer@example.org", Extras.NONE), rally, section, by, cid);
    }

    /** RoleRevoked; {@code section} null revokes a rally-wide role (or the role in every section). */
    static EventRow roleRevoked(UUID rally, UUID section, String email, String role, UUID by, long cid) {
        return row(new RoleRevoked(now(), rally.toString(), section == null ? null : section.toString(), email, role,
                "organizer@example.org", Extras.NONE), rally, section, by, cid);
    }

    static EventRow participantAdded(UUID rally, UUID section, String name, UUID by, long cid) {
        return row(new ParticipantAdded(now(), rally.toString(), section.toString(),
                new Participant(UUID.randomUUID().toString(), name, null), "registrar@example.org", Extras.NONE),
                rally, section, by, cid);
    }

    static EventRow carArrived(UUID rally, UUID section, String car, UUID by, long cid) {
        return row(new CarArrived(now(), rally.toString(), section.toString(), car, Extras.NONE), rally, section,
                by, cid);
    }

    static EventRow groupCreated(UUID rally, String name, UUID by, long cid) {
        return row(new GroupCreated(now(), rally.toString(), UUID.randomUUID().toString(), name, Extras.NONE),
                rally, null, by, cid);
    }

    static EventRow row(DomainEvent event, UUID rally, UUID section, UUID by, Long cid) {
        return EventRow.of(event, rally, section, by, cid);
    }

    private static long now() {
        return CLOCK.incrementAndGet();
    }
}
