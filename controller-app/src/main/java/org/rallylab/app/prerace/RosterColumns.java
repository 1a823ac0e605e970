package org.rallylab.app.prerace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the roster's columns by their headings and turns the rows under them into
 * {@link RosterRow}s, as the sheet is read: rows are handed over one by one ({@link #accept})
 * and only the participant rows are kept. The heading row is the first row that is not empty. A
 * heading matches ignoring case, spaces and punctuation ("Car #" is "car number"); when several
 * columns match one role, the earlier alias in the lists below wins, then the leftmost column.
 *
 * <p>A section's roster holds at most {@link RosterLimits#MAX_ROWS} participants: past that,
 * rows are only counted, so the refusal can say how many the file has.
 */
final class RosterColumns {

    private static final List<String> NAME = List.of("name", "fullname", "participantname", "participant",
            "racername", "racer");
    private static final List<String> FIRST = List.of("firstname", "first", "givenname", "forename");
    private static final List<String> LAST = List.of("lastname", "last", "surname", "familyname");
    private static final List<String> CAR = List.of("carnumber", "racenumber", "carno", "carnum", "number");
    private static final List<String> GROUP = List.of("group", "groupname", "pack", "troop", "den");

    private final String fileName;
    private final List<RosterRow> rows = new ArrayList<>();
    private SheetRow heading;
    private int name;
    private int first;
    private int last;
    private int car;
    private int group;
    private int participantRows;

    RosterColumns(String fileName) {
        this.fileName = fileName;
    }

    /** Takes the sheet's next row; refuses at once a heading row without a Name column. */
    void accept(SheetRow row) throws RosterFileException {
        if (heading == null) {
            if (!row.isBlank()) {
                heading(row);
            }
            return;
        }
        String fullName = name >= 0 ? row.cell(name) : (row.cell(first) + " " + row.cell(last));
        RosterRow r = new RosterRow(row.rowNumber(), orNull(collapse(fullName)), orNull(row.cell(car)),
                orNull(collapse(row.cell(group))));
        if (r.name() == null && r.carNumber() == null && r.groupName() == null) {
            return; // empty, or only columns we ignore
        }
        participantRows++;
        if (rows.size() < RosterLimits.MAX_ROWS) {
            rows.add(r);
        }
    }

    /** Whether a row that is not empty was seen. */
    boolean hasHeading() {
        return heading != null;
    }

    /** The participant rows, in file order, once the whole sheet was taken. */
    List<RosterRow> rows() throws RosterFileException {
        if (heading == null) {
            throw RosterFile.empty(fileName);
        }
        if (participantRows > RosterLimits.MAX_ROWS) {
            throw new RosterFileException(fileName + " has " + participantRows + " participant rows; a section's"
                    + " roster holds at most " + RosterLimits.MAX_ROWS + ". Check that this is the roster file; if it"
                    + " holds several sections, save each section's rows in a file of its own and import them one"
                    + " by one.");
        }
        if (rows.isEmpty()) {
            throw new RosterFileException(fileName + " has a heading row (" + shown(heading) + ") but nobody"
                    + " under it. Put one participant per row below the headings.");
        }
        return List.copyOf(rows);
    }

    private void heading(SheetRow row) throws RosterFileException {
        heading = row;
        name = find(heading, NAME);
        first = find(heading, FIRST);
        last = find(heading, LAST);
        car = find(heading, CAR);
        group = find(heading, GROUP);
        if (name < 0 && first < 0 && last < 0) {
            throw new RosterFileException(fileName + " has no Name column. Its first row must hold the column"
                    + " headings, one of them Name (or First Name and Last Name); the first row found is: "
                    + shown(heading) + ".");
        }
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
        List<String> names = heading.cells().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.length() <= 40 ? s : s.substring(0, 37) + "...").toList();
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
