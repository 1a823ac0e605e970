package org.rallylab.app.prerace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.roster.SectionRoster;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * What importing a roster file into a section will do, before anything is written: who is
 * added and with which car number, which rows are skipped as duplicates and which are invalid,
 * each with its row number and the reason.
 *
 * <p>Same person: the same name (ignoring case and extra spaces) unless both rows carry
 * different car numbers (then they are two people who share a name). A row naming someone
 * already on the roster, or repeating an earlier row of the file, is a duplicate. A car number
 * that is retired, someone else's on the roster, or on two rows of the file makes a row invalid;
 * so does a name, car number or group name that no event may hold ({@link EventLimits}: too
 * long, control characters), shown with the reason rather than cut, and every row past the
 * {@link EventLimits#MAX_PARTICIPANTS} a section's roster holds.
 *
 * <p>The car numbers promised are the domain's own ({@link SectionRoster#importNumbers}, which
 * the import command uses too), so they are the numbers the section will show after the import.
 */
public final class ImportPreview {

    /** A row that will be added, with the car number it will get ({@code numberFromFile}: kept as written). */
    public record Addition(RosterRow row, String carNumber, boolean numberFromFile) {
    }

    /** A row left out, and why ("same name and car number as row 4"). */
    public record Skipped(RosterRow row, String reason) {
        /** "Row 5 (Ava Chen): reason". */
        public String message() {
            return "Row " + row.rowNumber() + (row.hasName() ? " (" + shown(row.name()) + ")" : "") + ": " + reason;
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String sectionId;
    private final List<Addition> additions;
    private final List<Skipped> duplicates;
    private final List<Skipped> invalid;
    private final List<Skipped> elsewhere;

    private ImportPreview(String sectionId, List<Addition> additions, List<Skipped> duplicates,
                          List<Skipped> invalid, List<Skipped> elsewhere) {
        this.sectionId = sectionId;
        this.additions = List.copyOf(additions);
        this.duplicates = List.copyOf(duplicates);
        this.invalid = List.copyOf(invalid);
        this.elsewhere = List.copyOf(elsewhere);
    }

    /** The preview of importing {@code rows} into {@code section}'s pre-race roster. */
    public static ImportPreview of(List<RosterRow> rows, SectionState section) {
        return of(rows, section.sectionId(), section.registration());
    }

    /**
     * The same, also warning about the rows to add whose name is already on another section of
     * {@code rally} (the same children imported into a second section by mistake). They are still
     * added when the operator goes on: two children may share a name.
     */
    public static ImportPreview of(List<RosterRow> rows, SectionState section, RallyState rally) {
        ImportPreview preview = of(rows, section);
        Map<String, String> where = new HashMap<>();
        for (SectionState other : rally.sections()) {
            if (!other.sectionId().equals(section.sectionId())) {
                other.registration().participants().forEach(p -> where.putIfAbsent(folded(p.name()),
                        p.name() + " is already in " + other.sectionName() + " (car " + p.carNumber() + ")"));
            }
        }
        List<Skipped> elsewhere = new ArrayList<>();
        for (Addition a : preview.additions) {
            String there = where.get(folded(a.row().name()));
            if (there != null) {
                elsewhere.add(new Skipped(a.row(), there));
            }
        }
        return new ImportPreview(preview.sectionId, preview.additions, preview.duplicates, preview.invalid, elsewhere);
    }

    /** A name as compared across sections: spaces, case and accents aside. */
    private static String folded(String name) {
        return java.text.Normalizer.normalize(key(name), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** The preview of importing {@code rows} into a section whose roster (retired numbers too) is {@code roster}. */
    public static ImportPreview of(List<RosterRow> rows, String sectionId, SectionRoster roster) {
        Objects.requireNonNull(sectionId, "sectionId");
        List<Skipped> duplicates = new ArrayList<>();
        List<Skipped> invalid = new ArrayList<>();
        List<RosterRow> people = new ArrayList<>();
        Index index = new Index(roster);
        for (RosterRow row : rows) {
            String problem = limitProblem(row);
            if (problem != null) {
                invalid.add(new Skipped(row, problem));
                continue;
            }
            String name = key(row.name());
            String duplicate = duplicateOf(row, name, index);
            if (duplicate != null) {
                duplicates.add(new Skipped(row, duplicate));
            } else {
                people.add(row);
                index.take(row, name);
            }
        }
        List<RosterRow> toAdd = new ArrayList<>();
        int room = EventLimits.MAX_PARTICIPANTS - roster.participants().size();
        for (RosterRow row : people) {
            String problem = row.hasCarNumber() ? carProblem(row, roster, index) : null;
            if (problem == null && toAdd.size() >= room) {
                problem = "the section would then hold more than " + EventLimits.MAX_PARTICIPANTS + " participants,"
                        + " the most a roster holds; import this row into another section";
            }
            if (problem != null) {
                invalid.add(new Skipped(row, problem));
            } else {
                toAdd.add(row);
            }
        }
        invalid.sort((a, b) -> Integer.compare(a.row().rowNumber(), b.row().rowNumber()));
        return new ImportPreview(sectionId, numbered(toAdd, roster), duplicates, invalid, List.of());
    }

    public String sectionId() {
        return sectionId;
    }

    /** The rows that will be added, in file order, each with its car number. */
    public List<Addition> additions() {
        return additions;
    }

    /** Rows left out because the person is already on the roster or earlier in the file. */
    public List<Skipped> duplicates() {
        return duplicates;
    }

    /** Rows to add whose name is already on another section (added anyway; the operator is warned). */
    public List<Skipped> inOtherSections() {
        return elsewhere;
    }

    /** Rows left out because they cannot be added as they are (no name, a car number that cannot be used). */
    public List<Skipped> invalid() {
        return invalid;
    }

    /** The distinct group names of the rows to add, as first written. */
    public List<String> groupNames() {
        Map<String, String> names = new LinkedHashMap<>();
        additions.forEach(a -> {
            if (a.row().groupName() != null) {
                names.putIfAbsent(key(a.row().groupName()), a.row().groupName());
            }
        });
        return List.copyOf(names.values());
    }

    /**
     * The command that adds the rows to add: one {@link Command.ImportParticipants}, or none
     * when there is nothing to add. {@code idSupplier} gives each participant its id and each
     * group name an id, used only if no group has that name yet.
     */
    public List<Command> commands(Supplier<String> idSupplier) {
        if (additions.isEmpty()) {
            return List.of();
        }
        Map<String, String> groupIds = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<Command.NewParticipant> participants = new ArrayList<>();
        for (Addition a : additions) {
            RosterRow row = a.row();
            if (row.groupName() != null && seen.putIfAbsent(key(row.groupName()), row.groupName()) == null) {
                groupIds.put(row.groupName(), idSupplier.get());
            }
            participants.add(new Command.NewParticipant(idSupplier.get(), row.name(),
                    a.numberFromFile() ? row.carNumber() : null, row.groupName()));
        }
        return List.of(new Command.ImportParticipants(sectionId, participants, groupIds));
    }

    // ---- the rules ----

    /** Why the row cannot be an event's participant as it is ({@link EventLimits}), or null. */
    private static String limitProblem(RosterRow row) {
        if (!row.hasName()) {
            return "no name";
        }
        String name = EventLimits.nameProblem(row.name());
        if (name != null) {
            return "name " + name;
        }
        String car = row.hasCarNumber() ? EventLimits.carNumberProblem(row.carNumber()) : null;
        if (car != null) {
            return "car number " + shown(row.carNumber()) + " " + car;
        }
        String group = row.groupName() == null ? null : EventLimits.nameProblem(row.groupName());
        return group == null ? null : "group name " + group;
    }

    /** {@code text} fit for a message: at most 40 characters, control characters shown as \uFFFD. */
    private static String shown(String text) {
        String cut = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        StringBuilder shown = new StringBuilder(cut.length());
        cut.chars().forEach(c -> shown.append(EventLimits.isControl(c) ? '\uFFFD' : (char) c));
        return shown.toString();
    }

    private static String duplicateOf(RosterRow row, String name, Index index) {
        for (RegisteredParticipant p : index.rosterByName.getOrDefault(name, List.of())) {
            if (!row.hasCarNumber() || row.carNumber().equals(p.carNumber())) {
                return p.name() + " is already on the roster with car " + p.carNumber();
            }
        }
        for (RosterRow e : index.peopleByName.getOrDefault(name, List.of())) {
            if (Objects.equals(e.carNumber(), row.carNumber())) {
                return "same name and car number as row " + e.rowNumber();
            }
            if (!e.hasCarNumber() || !row.hasCarNumber()) {
                return "same name as row " + e.rowNumber()
                        + (e.hasCarNumber() ? " (car " + e.carNumber() + ")" : ", which has no car number");
            }
        }
        return null;
    }

    private static String carProblem(RosterRow row, SectionRoster roster, Index index) {
        String car = row.carNumber();
        if (roster.retiredNumbers().contains(car)) {
            return "car number " + car + " was retired (its participant was removed) and is never given again;"
                    + " leave it blank to get the next free number";
        }
        RegisteredParticipant holder = index.rosterByCar.get(car);
        if (holder != null) {
            return "car number " + car + " is taken by " + holder.name() + ", who is already on the roster;"
                    + " leave it blank to get the next free number";
        }
        List<String> others = new ArrayList<>();
        for (RosterRow other : index.peopleByCar.getOrDefault(car, List.of())) {
            if (other != row) {
                others.add(String.valueOf(other.rowNumber()));
            }
        }
        if (!others.isEmpty()) {
            return "car number " + car + " is used twice in the file (also on row" + (others.size() > 1 ? "s " : " ")
                    + String.join(", ", others) + "); give each car its own number";
        }
        return null;
    }

    /**
     * The roster and the rows taken so far, by name (its {@link #key}) and by car number, in
     * their order: each row is checked with a look-up, so a file of a whole roster previews at
     * once rather than comparing every row with every other.
     */
    private static final class Index {
        final Map<String, List<RegisteredParticipant>> rosterByName = new HashMap<>();
        final Map<String, RegisteredParticipant> rosterByCar = new HashMap<>();
        final Map<String, List<RosterRow>> peopleByName = new HashMap<>();
        final Map<String, List<RosterRow>> peopleByCar = new HashMap<>();

        Index(SectionRoster roster) {
            for (RegisteredParticipant p : roster.participants()) {
                rosterByName.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
                rosterByCar.putIfAbsent(p.carNumber(), p);
            }
        }

        /** {@code row}, whose name's key is {@code name}, is one of the people to add. */
        void take(RosterRow row, String name) {
            peopleByName.computeIfAbsent(name, k -> new ArrayList<>()).add(row);
            if (row.hasCarNumber()) {
                peopleByCar.computeIfAbsent(row.carNumber(), k -> new ArrayList<>()).add(row);
            }
        }
    }

    /** The numbers the fold will give: the rows added to a copy of the roster in the command's order. */
    private static List<Addition> numbered(List<RosterRow> rows, SectionRoster roster) {
        List<String> given = new ArrayList<>();
        rows.forEach(row -> given.add(row.hasCarNumber() ? row.carNumber() : null));
        List<String> numbers = roster.importNumbers(given);
        List<Addition> additions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            additions.add(new Addition(rows.get(i), numbers.get(i), rows.get(i).hasCarNumber()));
        }
        return additions;
    }

    private static String key(String name) {
        return SPACES.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
