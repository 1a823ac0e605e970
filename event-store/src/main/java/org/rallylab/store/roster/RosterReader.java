package org.rallylab.store.roster;

import static org.rallylab.store.roster.RosterProblem.at;
import static org.rallylab.store.roster.RosterProblem.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/**
 * Turns a parsed roster package into a {@link RosterPackage}, checking its shape key by key.
 * Lenient as docs/events.md asks: unknown keys are ignored, a numeric {@code car_number} becomes its
 * decimal string, {@code exported_at} may be an ISO-8601 instant or Unix milliseconds, text is
 * trimmed, and a missing, null or empty {@code group_id}, {@code rally_date} or {@code groups}
 * means none. Strict on the rest; {@link RosterChecks} then checks ids and duplicates.
 */
final class RosterReader {

    private RosterReader() {
    }

    static RosterPackage read(JsonNode root) throws RosterProblem {
        if (!root.isObject()) {
            throw at("", "a roster package is a JSON object like {\"version\": 2, \"rally_id\": ...},"
                    + " but this holds " + kind(root));
        }
        version(root.get("version"));
        RosterPackage p = new RosterPackage(text(root, "", "rally_id"), text(root, "", "rally_name"),
                optionalText(root, "", "rally_date"), exportedAt(root.get("exported_at")),
                groups(list(root, "", "groups", false)), sections(list(root, "", "sections", true)));
        RosterChecks.check(p);
        return p;
    }

    private static void version(JsonNode version) throws RosterProblem {
        if (version == null || version.isNull()) {
            throw at("", "version is missing: is this a roster package? This RallyLab reads version "
                    + RosterPackage.VERSION);
        }
        if (!version.isIntegralNumber()) {
            throw at("", "version must be a whole number, got " + show(version));
        }
        if (!version.canConvertToInt() || version.intValue() != RosterPackage.VERSION) {
            String advice = version.canConvertToInt() && version.intValue() < RosterPackage.VERSION
                    ? "export it again from an up-to-date RallyLab" : "update this RallyLab to read it";
            throw at("", "this roster package is version " + version.asText() + "; this RallyLab reads version "
                    + RosterPackage.VERSION + ": " + advice);
        }
    }

    private static Instant exportedAt(JsonNode node) throws RosterProblem {
        if (node == null || node.isNull()) {
            throw at("", "exported_at is missing");
        }
        try {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return Instant.ofEpochMilli(node.longValue());
            }
            if (node.isTextual()) {
                return Instant.parse(node.textValue().strip());
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw at("", "exported_at " + show(node) + " is not a time like 2026-11-22T10:15:30Z"
                + " or a number of milliseconds since 1970");
    }

    private static List<Group> groups(List<JsonNode> nodes) throws RosterProblem {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < nodes.size(); g++) {
            JsonNode node = object(nodes.get(g), item("groups", g, null), "{\"group_id\": ..., \"group_name\": ...}");
            String where = item("groups", g, nameOf(node, "group_name"));
            groups.add(new Group(text(node, where, "group_id"), text(node, where, "group_name")));
        }
        return groups;
    }

    private static List<Section> sections(List<JsonNode> nodes) throws RosterProblem {
        List<Section> sections = new ArrayList<>();
        for (int s = 0; s < nodes.size(); s++) {
            JsonNode node = object(nodes.get(s), item("sections", s, null),
                    "{\"section_id\": ..., \"section_name\": ..., \"participants\": [...]}");
            String where = item("sections", s, nameOf(node, "section_name"));
            String id = text(node, where, "section_id");
            String name = text(node, where, "section_name");
            List<JsonNode> people = list(node, where, "participants", true);
            List<Member> members = new ArrayList<>();
            for (int m = 0; m < people.size(); m++) {
                JsonNode person = object(people.get(m), "sections[" + s + "]." + item("participants", m, null),
                        "{\"participant_id\": ..., \"name\": ..., \"car_number\": ...}");
                members.add(member(person, "sections[" + s + "]." + item("participants", m, nameOf(person, "name"))));
            }
            sections.add(new Section(id, name, members));
        }
        return sections;
    }

    private static Member member(JsonNode node, String where) throws RosterProblem {
        String id = text(node, where, "participant_id");
        String name = text(node, where, "name");
        JsonNode car = node.get("car_number");
        String carNumber;
        if (car == null || car.isNull()) {
            throw at(where, "car_number is missing");
        } else if (car.isIntegralNumber()) {
            carNumber = car.bigIntegerValue().toString();
        } else if (car.isTextual()) {
            carNumber = notBlank(car.textValue(), where, "car_number");
        } else {
            throw at(where, "car_number must be text or a whole number, got " + show(car));
        }
        return new Member(id, name, carNumber, optionalText(node, where, "group_id"));
    }

    private static JsonNode object(JsonNode node, String where, String shape) throws RosterProblem {
        if (!node.isObject()) {
            throw at(where, "must be an object like " + shape + ", got " + show(node));
        }
        return node;
    }

    /** The elements of an array; a missing or null optional list is empty. */
    private static List<JsonNode> list(JsonNode parent, String where, String key, boolean required)
            throws RosterProblem {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw at(where, key + " is missing");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw at(where, key + " must be a list [...], got " + show(node));
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    private static String text(JsonNode parent, String where, String key) throws RosterProblem {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw at(where, key + " is missing");
        }
        if (!node.isTextual()) {
            throw at(where, key + " must be text, got " + show(node));
        }
        return notBlank(node.textValue(), where, key);
    }

    /** Text, or null when the key is missing, null or blank. */
    private static String optionalText(JsonNode parent, String where, String key) throws RosterProblem {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
            return null;
        }
        return text(parent, where, key);
    }

    private static String notBlank(String value, String where, String key) throws RosterProblem {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw at(where, key + " is blank");
        }
        return stripped;
    }

    /** The item's name for messages, when it has a usable one. */
    private static String nameOf(JsonNode node, String key) {
        JsonNode name = node.get(key);
        return name != null && name.isTextual() ? name.textValue().strip() : null;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list [...]";
        }
        return node.isTextual() ? "text" : node.isNumber() ? "a number" : "the value " + show(node);
    }

    private static String show(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
