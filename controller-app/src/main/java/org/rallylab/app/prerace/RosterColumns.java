package org.rallylab.app.prerace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the roster's columns by their headings and turns the rows under them into
 * {@link RosterRow}s. The heading row is the first row that is not empty. A heading matches
 * ignoring case, spaces and punctuation ("Car #" is "car number"); when several columns match
 * one role, the earlier alias in the lists below wins, then the leftmost column.
 */
final class RosterColumns {

    /** More rows than any section has: a file past this is not a roster. */
    static final int MAX_ROWS = 10_000;

    private static final List<String> NAME = List.of("name", "fullname", "participantname", "participant",
            "racername", "racer");
    private static final List<String> FIRST = List.of("firstname", "first", "givenname", "forename");
    private static final List<String> LAST = List.of("lastname", "last", "surname", "familyname");
    private static final List<String> CAR = List.of("carnumber", "racenumber", "carno", "carnum", "number");
    private static final List<String> GROUP = List.of("group", "groupname", "pack", "troop", "den");

    private RosterColumns() {
    }

    static List<RosterRow> rows(List<SheetRow> sheet, String fileName) throws RosterFileException {
        int headingAt = 0;
        while (headingAt < sheet.size() && sheet.get(headingAt).isBlank()) {
            headingAt++;
        }
        if (headingAt == sheet.size()) {
            throw RosterFile.empty(fileName);
        }
        SheetRow heading = sheet.get(headingAt);
        int name = find(heading, NAME);
        int first = find(heading, FIRST);
        int last = find(heading, LAST);
        int car = find(heading, CAR);
        int group = find(heading, GROUP);
        if (name < 0 && first < 0 && last < 0) {
            throw new RosterFileException(fileName + " has no Name column. Its first row must hold the column"
                    + " headings, one of them Name (or First Name and Last Name); the first row found is: "
                    + shown(heading) + ".");
        }
        List<RosterRow> rows = new ArrayList<>();
        for (SheetRow row : sheet.subList(headingAt + 1, sheet.size())) {
            String fullName = name >= 0 ? row.cell(name) : (row.cell(first) + " " + row.cell(last));
            RosterRow r = new RosterRow(row.rowNumber(), orNull(collapse(fullName)), orNull(row.cell(car)),
                    orNull(collapse(row.cell(group))));
            if (r.name() == null && r.carNumber() == null && r.groupName() == null) {
                continue; // empty, or only columns we ignore
            }
            if (rows.size() == MAX_ROWS) {
                throw new RosterFileException(fileName + " has more than " + MAX_ROWS + " participant rows,"
                        + " far more than a section has. Check that this is the roster file.");
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new RosterFileException(fileName + " has a heading row (" + shown(heading) + ") but nobody"
                    + " under it. Put one participant per row below the headings.");
        }
        return rows;
    }

    /** A heading without case, spaces or punctuation; "#" reads as "number". */
    static String key(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT).replace("#", "number");
        StringBuilder key = new StringBuilder();
        lower.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static int find(SheetRow heading, List<String> aliases) {
        for (String alias : aliases) {
            for (int i = 0; i < heading.cells().size(); i++) {
                if (key(heading.cell(i)).equals(alias)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String shown(SheetRow heading) {
        List<String> names = heading.cells().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        String joined = String.join(", ", names.subList(0, Math.min(names.size(), 8)));
        return names.size() > 8 ? joined + ", ..." : joined;
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
