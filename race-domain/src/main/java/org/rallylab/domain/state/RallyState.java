package org.rallylab.domain.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rallylab.domain.event.CheckInVolunteerInvited;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RegistrarInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.domain.event.RosterUpdated;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.event.UnrecognizedEvent;

/**
 * The state of one rally: the fold of its log, {@code state = events.reduce(apply)}.
 *
 * <p>{@link #apply(DomainEvent)} is the evolve function. It changes this object in place (so
 * folding 100 000 events stays fast) and returns it; it never validates and never throws on a
 * log that was written. Commands read a state and never change it; to look ahead they apply
 * events to a {@link #copy()}. Replaying the same log gives an equal state on any machine.
 */
public final class RallyState {

    private String rallyId;
    private String rallyName;
    private String rallyDate;
    private String createdBy;
    private final LinkedHashMap<String, SectionState> sections = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> groups = new LinkedHashMap<>();
    private final LinkedHashSet<String> operators = new LinkedHashSet<>();
    private long eventCount;

    private RallyState() {
    }

    public static RallyState empty() {
        return new RallyState();
    }

    /** Folds a whole log, in order. */
    public static RallyState replay(Iterable<? extends DomainEvent> events) {
        RallyState state = new RallyState();
        for (DomainEvent event : events) {
            state.apply(event);
        }
        return state;
    }

    /** A deep copy to apply events to without changing this state. */
    public RallyState copy() {
        RallyState c = new RallyState();
        c.rallyId = rallyId;
        c.rallyName = rallyName;
        c.rallyDate = rallyDate;
        c.createdBy = createdBy;
        sections.forEach((id, s) -> c.sections.put(id, s.copy()));
        c.groups.putAll(groups);
        c.operators.addAll(operators);
        c.eventCount = eventCount;
        return c;
    }

    /** Evolves this state by one event and returns it. Unknown event types are counted and ignored. */
    public RallyState apply(DomainEvent event) {
        eventCount++;
        if (rallyId == null && event.rallyId() != null && !(event instanceof UnrecognizedEvent)) {
            rallyId = event.rallyId();
        }
        if (event.sectionId() != null && SectionFold.isRaceDay(event)) {
            SectionFold.apply(sections.computeIfAbsent(event.sectionId(), SectionState::new), event);
        } else {
            applyPreRace(event);
        }
        return this;
    }

    private void applyPreRace(DomainEvent event) {
        if (event instanceof RallyCreated e) {
            if (Objects.equals(rallyId, e.rallyId())) {
                rallyName = e.rallyName();
                rallyDate = e.rallyDate();
                createdBy = e.createdBy();
            }
        } else if (event instanceof SectionCreated e) {
            section(e).sectionName = e.sectionName();
        } else if (event instanceof SectionRenamed e) {
            section(e).sectionName = e.sectionName();
        } else if (event instanceof RegistrarInvited e) {
            section(e).registrarEmail = e.registrarEmail();
        } else if (event instanceof OperatorInvited e) {
            operators.add(e.operatorEmail());
        } else if (event instanceof CheckInVolunteerInvited e) {
            section(e).checkInVolunteers.add(e.volunteerEmail());
        } else if (event instanceof RoleRevoked e) {
            revoke(e);
        } else if (event instanceof GroupCreated e) {
            groups.put(e.groupId(), e.groupName());
        } else if (event instanceof RosterUpdated e) {
            section(e).registration.replace(e.groupId(), e.participants());
        } else if (event instanceof ParticipantAdded e) {
            section(e).registration.add(e.participant(), null);
        } else if (event instanceof ParticipantRemoved e) {
            section(e).registration.remove(e.participantId(), e.carNumber());
        } else if (event instanceof ParticipantUpdated e) {
            section(e).registration.update(e.participantId(), e.name(), e.group() != null,
                    e.group() == null ? null : e.group().groupId());
        }
    }

    private void revoke(RoleRevoked e) {
        switch (e.role()) {
            case "operator" -> operators.remove(e.email());
            case "registrar" -> {
                SectionState s = e.sectionId() == null ? null : sections.get(e.sectionId());
                if (s != null && e.email().equalsIgnoreCase(Objects.toString(s.registrarEmail, ""))) {
                    s.registrarEmail = null;
                }
            }
            case "checkin_volunteer" -> {
                SectionState s = e.sectionId() == null ? null : sections.get(e.sectionId());
                if (s != null) {
                    s.checkInVolunteers.remove(e.email());
                }
            }
            default -> {
                // a role this version does not know: nothing to take back
            }
        }
    }

    private SectionState section(DomainEvent e) {
        return sections.computeIfAbsent(e.sectionId(), SectionState::new);
    }

    // ---- queries ----

    public Optional<String> rallyId() {
        return Optional.ofNullable(rallyId);
    }

    /** The rally's name, or "" when the log has no RallyCreated (a race-day-only log). */
    public String rallyName() {
        return rallyName == null ? "" : rallyName;
    }

    public Optional<String> rallyDate() {
        return Optional.ofNullable(rallyDate);
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public boolean rallyCreated() {
        return rallyName != null;
    }

    /** Sections in the order the log first mentions them. */
    public List<SectionState> sections() {
        return List.copyOf(sections.values());
    }

    public Optional<SectionState> section(String sectionId) {
        return Optional.ofNullable(sections.get(sectionId));
    }

    /**
     * A section by id, or by name ignoring case; empty when none or when the name is
     * ambiguous (then ask for the id).
     */
    public Optional<SectionState> findSection(String nameOrId) {
        SectionState byId = sections.get(nameOrId);
        if (byId != null) {
            return Optional.of(byId);
        }
        String wanted = nameOrId.strip().toLowerCase(Locale.ROOT);
        List<SectionState> named = sections.values().stream()
                .filter(s -> s.sectionName().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    public Map<String, String> groups() {
        return Collections.unmodifiableMap(groups);
    }

    public Set<String> operators() {
        return Collections.unmodifiableSet(operators);
    }

    /** Events folded so far, unrecognized ones included. */
    public long eventCount() {
        return eventCount;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RallyState r && Objects.equals(rallyId, r.rallyId)
                && Objects.equals(rallyName, r.rallyName) && Objects.equals(rallyDate, r.rallyDate)
                && Objects.equals(createdBy, r.createdBy) && eventCount == r.eventCount
                && List.copyOf(sections.keySet()).equals(List.copyOf(r.sections.keySet()))
                && sections.equals(r.sections) && groups.equals(r.groups)
                && List.copyOf(operators).equals(List.copyOf(r.operators));
    }

    @Override
    public int hashCode() {
        return Objects.hash(rallyId, rallyName, sections.keySet(), eventCount);
    }
}
