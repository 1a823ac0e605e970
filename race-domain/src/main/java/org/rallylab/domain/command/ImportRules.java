package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;
import static org.rallylab.domain.command.SetupRules.blank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.roster.SectionRoster;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Many participants at once (a roster file), as one batch: GroupCreated for the group names
 * not known yet, then ParticipantAdded (and ParticipantUpdated with the group) per participant.
 * The cars that come without a number get, in file order, the numbers after the highest one the
 * section has (on its roster, retired, or in the file), written into the events
 * ({@link SectionRoster#importNumbers}); a single addition keeps the lowest unused
 * number. The importer already dropped duplicate rows; a clash that is left is refused here, as a
 * single addition would be.
 */
final class ImportRules {

    private ImportRules() {
    }

    static Decision importParticipants(RallyState state, Command.ImportParticipants c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = PreRaceRules.openRegistration(state, c.sectionId());
        if (c.participants().isEmpty()) {
            throw reject("There is nobody to import into " + s.sectionName() + ".");
        }
        SectionRoster roster = s.registration();
        Groups groups = new Groups(state, c.groupIds());
        Map<String, String> groupOf = new HashMap<>();
        Map<String, String> nameByCar = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Command.NewParticipant p : c.participants()) {
            if (blank(p.participantId())) {
                throw reject("Every imported participant needs an id.");
            }
            RegisteredParticipant same = PreRaceRules.find(roster, p.participantId());
            if (same != null || !ids.add(p.participantId())) {
                throw reject("Participant " + p.participantId() + " is " + (same != null
                        ? "already on the roster of " + s.sectionName() + " (" + same.name() + ")"
                        : "listed twice in the import") + ".");
            }
            String name = PreRaceRules.name(p.name());
            String car = PreRaceRules.carNumber(p.carNumber());
            if (car != null) {
                PreRaceRules.requireFree(roster, car);
                String other = nameByCar.putIfAbsent(car, name);
                if (other != null) {
                    throw reject("Car number " + car + " is given to both " + other + " and " + name
                            + "; give each car its own number or leave one blank.");
                }
            }
            if (!blank(p.groupName())) {
                groupOf.put(p.participantId(), groups.idOf(p.groupName().strip()));
            }
        }
        List<String> given = new ArrayList<>();
        c.participants().forEach(p -> given.add(PreRaceRules.carNumber(p.carNumber())));
        List<String> numbers = roster.importNumbers(given);
        Map<String, String> numberOf = new HashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            numberOf.put(c.participants().get(i).participantId(), numbers.get(i));
        }
        PreRaceRules.Batch batch = new PreRaceRules.Batch(rallyId, s.sectionId(), now);
        groups.created.forEach(batch::group);
        for (Command.NewParticipant p : c.inAddOrder()) {
            batch.add(new Participant(p.participantId(), p.name().strip(), numberOf.get(p.participantId())),
                    groupOf.get(p.participantId()));
        }
        return new Decision.Accepted(batch.events());
    }

    /** Group names to ids: the rally's groups first, then new ones with the ids the command gives. */
    private static final class Groups {
        private final RallyState state;
        private final Map<String, String> givenIds = new HashMap<>();
        /** New groups, id to name, in order of first mention. */
        final LinkedHashMap<String, String> created = new LinkedHashMap<>();

        Groups(RallyState state, Map<String, String> givenIds) {
            this.state = state;
            givenIds.forEach((name, id) -> this.givenIds.put(key(name), id));
        }

        String idOf(String name) {
            String known = PreRaceRules.groupNamed(state, name);
            if (known != null) {
                return known;
            }
            for (Map.Entry<String, String> g : created.entrySet()) {
                if (g.getValue().equalsIgnoreCase(name)) {
                    return g.getKey();
                }
            }
            String id = givenIds.get(key(name));
            if (blank(id)) {
                throw reject("The import names a new group, " + name + ", but gives it no id.");
            }
            String holder = state.groups().containsKey(id) ? state.groups().get(id) : created.get(id);
            if (holder != null) {
                throw reject("The new group " + name + " cannot have the id " + id + ": the group " + holder
                        + " has it.");
            }
            created.put(id, name);
            return id;
        }

        private static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
