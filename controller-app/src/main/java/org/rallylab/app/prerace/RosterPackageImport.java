package org.rallylab.app.prerace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.roster.RosterPackage;

/**
 * What importing a roster package into a rally file will do, before anything is written: which
 * sections are loaded for race day (one RosterLoaded each), which are skipped and why,
 * and the commands that do it.
 *
 * <p>The commands, in order: CreateRally when the file holds no rally yet (a new rally file, or a
 * race-day-only log), with the package's rally id, name and date; then for each section of the
 * package that is loaded, CreateSection when the rally lacks a section with that id, then
 * LoadRoster. A package of another rally (a different {@code rally_id}) is refused as a whole.
 *
 * <p>The preview predicts what {@code RaceRules.decide} accepts, and skips what it would refuse or
 * what would undo race-day work: a section with no participants (LoadRoster refuses an empty
 * roster), a section already racing or complete (its roster is frozen), a section already loaded
 * for race day (reloading could drop checked-in cars; its roster is kept), a section whose name
 * another section of the rally already has (CreateSection refuses it; two sections of one name
 * confuse check-in), and a roster that breaks LoadRoster's rules (a blank name or car number, a
 * car number or participant twice; a file read by {@code RosterPackageJson} never has these).
 * The package's groups are not imported: a race-day roster has none.
 */
public final class RosterPackageImport {

    /** A section that will be loaded for race day; {@code createsSection}: the rally lacks it, so it is created first. */
    public record Load(String sectionId, String sectionName, int participantCount, boolean createsSection) {
    }

    /** A section of the package left out, and why ("already loaded for race day ..."). */
    public record Skipped(String sectionId, String sectionName, int participantCount, String reason) {
        /** "Kub Kars (14 participants): reason". */
        public String message() {
            return sectionName + " (" + participantCount + (participantCount == 1 ? " participant" : " participants")
                    + "): " + reason;
        }
    }

    private final RosterPackage pkg;
    private final String refusal;
    private final boolean createsRally;
    private final List<Load> loads;
    private final List<Skipped> skipped;
    private final List<Command> commands;

    private RosterPackageImport(RosterPackage pkg, String refusal, boolean createsRally, List<Load> loads,
                                List<Skipped> skipped, List<Command> commands) {
        this.pkg = pkg;
        this.refusal = refusal;
        this.createsRally = createsRally;
        this.loads = List.copyOf(loads);
        this.skipped = List.copyOf(skipped);
        this.commands = List.copyOf(commands);
    }

    /**
     * The preview of importing {@code pkg} into the rally file whose state is {@code state} (empty
     * for a new file). {@code createdBy} is recorded on the RallyCreated and SectionCreated the
     * import makes (the organizer, or who runs the import).
     */
    public static RosterPackageImport of(RallyState state, RosterPackage pkg, String createdBy) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pkg, "pkg");
        Optional<String> fileRally = state.rallyId();
        if (fileRally.isPresent() && !fileRally.get().equals(pkg.rallyId())) {
            return new RosterPackageImport(pkg, otherRally(state, pkg), false, List.of(), List.of(), List.of());
        }
        List<Command> commands = new ArrayList<>();
        boolean createsRally = !state.rallyCreated();
        if (createsRally) {
            commands.add(new Command.CreateRally(pkg.rallyId(), pkg.rallyName(), pkg.rallyDate(), createdBy));
        }
        Map<String, String> idByName = new HashMap<>();
        for (SectionState s : state.sections()) {
            idByName.putIfAbsent(key(s.sectionName()), s.sectionId());
        }
        List<Load> loads = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (RosterPackage.Section section : pkg.sections()) {
            SectionState existing = state.section(section.sectionId()).orElse(null);
            String reason = skipReason(section, existing, idByName);
            int count = section.participants().size();
            if (reason != null) {
                skipped.add(new Skipped(section.sectionId(), section.sectionName(), count, reason));
                continue;
            }
            if (existing != null) {
                idByName.remove(key(existing.sectionName()), existing.sectionId());
            } else {
                commands.add(new Command.CreateSection(section.sectionId(), section.sectionName(), createdBy));
            }
            idByName.put(key(section.sectionName()), section.sectionId());
            commands.add(new Command.LoadRoster(pkg.rallyId(), section.sectionId(), section.sectionName(),
                    participants(section)));
            loads.add(new Load(section.sectionId(), section.sectionName(), count, existing == null));
        }
        if (loads.isEmpty()) {
            commands.clear();
        }
        return new RosterPackageImport(pkg, null, createsRally, loads, skipped, commands);
    }

    /** The package previewed. */
    public RosterPackage rosterPackage() {
        return pkg;
    }

    /** Why nothing of the package can be imported into this file (another rally's package), or empty. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether the import creates the rally (the file holds none yet). */
    public boolean createsRally() {
        return createsRally;
    }

    /** The sections that will be loaded for race day, in package order. */
    public List<Load> loads() {
        return loads;
    }

    /** The sections left out, in package order, each with its reason. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** Participants in the sections that will be loaded. */
    public int participantCount() {
        return loads.stream().mapToInt(Load::participantCount).sum();
    }

    /**
     * The commands to execute in order through {@code RaceRules.decide}; empty when the package is
     * refused or no section will be loaded (then nothing is written, not even the rally).
     */
    public List<Command> commands() {
        return commands;
    }

    /** "2 sections (23 participants) to load, 1 skipped", or the refusal. */
    public String summary() {
        if (refusal != null) {
            return refusal;
        }
        int n = loads.size();
        return n + (n == 1 ? " section" : " sections") + " (" + participantCount()
                + (participantCount() == 1 ? " participant" : " participants") + ") to load for race day, "
                + skipped.size() + " skipped" + (createsRally ? "; the rally \"" + pkg.rallyName() + "\" is created" : "")
                + ".";
    }

    // ---- the rules ----

    private static String otherRally(RallyState state, RosterPackage pkg) {
        String file = state.rallyName().isEmpty() ? "rally " + state.rallyId().orElseThrow()
                : "the rally \"" + state.rallyName() + "\" (id " + state.rallyId().orElseThrow() + ")";
        return "This roster package is for the rally \"" + pkg.rallyName() + "\" (id " + pkg.rallyId()
                + "), but this rally file holds " + file + ". A rally file holds one rally: import the package"
                + " into a new rally file instead.";
    }

    private static String skipReason(RosterPackage.Section section, SectionState existing,
                                     Map<String, String> idByName) {
        if (section.participants().isEmpty()) {
            return "no participants in the package, so there is nothing to race; add them before race day"
                    + " and export the package again";
        }
        if (existing != null && existing.completed()) {
            return "already raced and complete in this rally file; its roster and results stay as they are";
        }
        if (existing != null && existing.started()) {
            return "already racing in this rally file; its roster is frozen";
        }
        if (existing != null && existing.rosterLoaded()) {
            return loadedReason(section, existing);
        }
        String other = idByName.get(key(section.sectionName()));
        if (other != null && !other.equals(section.sectionId())) {
            return "the name is taken by another section of this rally file (id " + other + "); rename one of"
                    + " them so check-in cannot mix them up, then import again";
        }
        return rosterProblem(section);
    }

    private static String loadedReason(RosterPackage.Section section, SectionState existing) {
        int arrived = existing.arrivedCars().size();
        String kept = "already loaded for race day in this rally file"
                + (arrived > 0 ? " (" + arrived + (arrived == 1 ? " car" : " cars") + " checked in)" : "");
        return sameRoster(section, existing.roster()) ? kept + " with this same roster"
                : kept + "; the loaded roster is kept, so check-in is not disturbed";
    }

    private static boolean sameRoster(RosterPackage.Section section, List<RosterEntry> loaded) {
        if (loaded.size() != section.participants().size()) {
            return false;
        }
        for (int i = 0; i < loaded.size(); i++) {
            RosterEntry e = loaded.get(i);
            RosterPackage.Member m = section.participants().get(i);
            if (!e.participantId().equals(m.participantId()) || !e.name().equals(m.name())
                    || !e.carNumber().equals(m.carNumber())) {
                return false;
            }
        }
        return true;
    }

    /** What LoadRoster would refuse in the roster itself, or null. */
    private static String rosterProblem(RosterPackage.Section section) {
        Map<String, String> nameByCar = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (RosterPackage.Member m : section.participants()) {
            if (m.name().isBlank()) {
                return "participant " + m.participantId() + " has no name";
            }
            if (m.carNumber().isBlank()) {
                return m.name() + " has no car number";
            }
            String other = nameByCar.putIfAbsent(m.carNumber().strip(), m.name());
            if (other != null) {
                return "car number " + m.carNumber().strip() + " appears twice (" + other + " and " + m.name() + ")";
            }
            if (!ids.add(m.participantId())) {
                return "participant " + m.participantId() + " appears twice";
            }
        }
        return null;
    }

    private static List<Participant> participants(RosterPackage.Section section) {
        List<Participant> participants = new ArrayList<>();
        for (RosterPackage.Member m : section.participants()) {
            participants.add(new Participant(m.participantId(), m.name(), m.carNumber()));
        }
        return participants;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
