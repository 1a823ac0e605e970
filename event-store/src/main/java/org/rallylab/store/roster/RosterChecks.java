package org.rallylab.store.roster;

import static org.rallylab.store.roster.RosterProblem.at;
import static org.rallylab.store.roster.RosterProblem.item;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/**
 * The rules a roster package must keep beyond its JSON shape: ids are UUIDs, names are not
 * blank, each group, section and participant appears once, car numbers differ within a section,
 * and a participant's group is one of the package's groups. Both reading a file and exporting a
 * rally run them, so whatever RallyLab writes it also reads.
 */
final class RosterChecks {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RosterChecks() {
    }

    /** Throws the first problem, in file order. */
    static void check(RosterPackage p) throws RosterProblem {
        uuid("", "rally_id", p.rallyId());
        notBlank("", "rally_name", p.rallyName());
        date(p.rallyDate());
        Map<String, String> groups = groups(p.groups());
        Map<String, String> sectionIds = new HashMap<>();
        Map<String, String> participantIds = new HashMap<>();
        for (int s = 0; s < p.sections().size(); s++) {
            Section section = p.sections().get(s);
            String where = item("sections", s, section.sectionName());
            uuid(where, "section_id", section.sectionId());
            notBlank(where, "section_name", section.sectionName());
            once(sectionIds, section.sectionId(), where, "section_id", "each section appears once in a package");
            Map<String, String> cars = new HashMap<>();
            List<Member> members = section.participants();
            for (int m = 0; m < members.size(); m++) {
                member(members.get(m), "sections[" + s + "]." + item("participants", m, members.get(m).name()),
                        groups, participantIds, cars);
            }
        }
    }

    private static Map<String, String> groups(List<Group> groups) throws RosterProblem {
        Map<String, String> seen = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            String where = item("groups", g, group.groupName());
            uuid(where, "group_id", group.groupId());
            notBlank(where, "group_name", group.groupName());
            once(seen, group.groupId(), where, "group_id", "each group appears once in a package");
        }
        return seen;
    }

    private static void member(Member member, String where, Map<String, String> groups,
                               Map<String, String> participantIds, Map<String, String> cars) throws RosterProblem {
        uuid(where, "participant_id", member.participantId());
        notBlank(where, "name", member.name());
        notBlank(where, "car_number", member.carNumber());
        if (member.groupId() != null && !groups.containsKey(member.groupId())) {
            throw at(where, "group_id \"" + member.groupId() + "\" is not one of the package's groups:"
                    + " add it to groups or leave the participant without a group");
        }
        once(participantIds, member.participantId(), where, "participant_id",
                "a participant appears once in a package");
        String other = cars.putIfAbsent(member.carNumber(), where);
        if (other != null) {
            throw at(where, "car_number \"" + member.carNumber() + "\" is already the number of " + other
                    + ": car numbers differ within a section");
        }
    }

    private static void once(Map<String, String> seen, String id, String where, String key, String rule)
            throws RosterProblem {
        String other = seen.putIfAbsent(id, where);
        if (other != null) {
            throw at(where, key + " \"" + id + "\" is also the id of " + other + ": " + rule);
        }
    }

    private static void uuid(String where, String key, String value) throws RosterProblem {
        if (!UUID.matcher(value).matches()) {
            throw at(where, key + " \"" + value + "\" is not a UUID (like 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e):"
                    + " was the file edited by hand?");
        }
    }

    private static void notBlank(String where, String key, String value) throws RosterProblem {
        if (value.isBlank()) {
            throw at(where, key + " is blank");
        }
    }

    private static void date(String rallyDate) throws RosterProblem {
        if (rallyDate == null) {
            return;
        }
        try {
            LocalDate.parse(rallyDate);
        } catch (DateTimeParseException e) {
            throw at("", "rally_date \"" + rallyDate + "\" is not a date like 2026-02-15");
        }
    }
}
