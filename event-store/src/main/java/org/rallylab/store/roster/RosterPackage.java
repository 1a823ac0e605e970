package org.rallylab.store.roster;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.rallylab.domain.state.RallyState;

/**
 * A roster package (version 2, docs/file-formats.md): the rally's groups and each section's roster with car
 * numbers, exported by the organizer before race day and imported on the race-day laptop, where
 * it becomes one RosterLoaded per section. The same file moves to and from the browser RallyLab.
 *
 * <p>The record holds values as they are; {@link RosterPackageJson#read} checks a file before it
 * builds one, and {@link #of} builds only packages that read back.
 *
 * @param rallyDate an ISO date ("2026-02-15"), or null when the rally has none
 */
public record RosterPackage(String rallyId, String rallyName, String rallyDate, Instant exportedAt,
                            List<Group> groups, List<Section> sections) {

    /** The version of the format this class reads and writes. */
    public static final int VERSION = 2;

    public RosterPackage {
        Objects.requireNonNull(rallyId, "rallyId");
        Objects.requireNonNull(rallyName, "rallyName");
        Objects.requireNonNull(exportedAt, "exportedAt");
        groups = List.copyOf(groups);
        sections = List.copyOf(sections);
    }

    /**
     * The package of a rally as its log says it now: every group, and every section's pre-race
     * roster with the car numbers the fold assigned and the participants' groups. A section whose
     * pre-race roster is empty but whose roster is loaded exports the loaded (race-day) roster,
     * without groups; otherwise the pre-race roster wins.
     *
     * @throws IllegalArgumentException when the log has no RallyCreated, or holds something a
     *         roster package cannot carry (an id that is not a UUID, a participant in two sections)
     */
    public static RosterPackage of(RallyState state, Instant exportedAt) {
        return RosterExport.of(state, exportedAt);
    }

    /** A group (a Scout troop or pack) participants may belong to. */
    public record Group(String groupId, String groupName) {
        public Group {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(groupName, "groupName");
        }
    }

    /** One section and its roster, in roster order. */
    public record Section(String sectionId, String sectionName, List<Member> participants) {
        public Section {
            Objects.requireNonNull(sectionId, "sectionId");
            Objects.requireNonNull(sectionName, "sectionName");
            participants = List.copyOf(participants);
        }
    }

    /**
     * A participant on a section's roster and their car number.
     *
     * @param groupId one of the package's groups, or null for no group
     */
    public record Member(String participantId, String name, String carNumber, String groupId) {
        public Member {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(carNumber, "carNumber");
        }
    }
}
