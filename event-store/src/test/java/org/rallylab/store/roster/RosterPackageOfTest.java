package org.rallylab.store.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.roster.RosterSamples.AVA;
import static org.rallylab.store.roster.RosterSamples.BEAVERS;
import static org.rallylab.store.roster.RosterSamples.BEN;
import static org.rallylab.store.roster.RosterSamples.CLEO;
import static org.rallylab.store.roster.RosterSamples.DAN;
import static org.rallylab.store.roster.RosterSamples.EVE;
import static org.rallylab.store.roster.RosterSamples.EXPORTED;
import static org.rallylab.store.roster.RosterSamples.HILLTOP;
import static org.rallylab.store.roster.RosterSamples.KUB_KARS;
import static org.rallylab.store.roster.RosterSamples.LAKESIDE;
import static org.rallylab.store.roster.RosterSamples.RALLY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.RosterUpdated;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/** Exporting a rally's fold as a roster package: the fold's car numbers and groups, and a package that reads back. */
class RosterPackageOfTest {

    private static final String ORGANIZER = "organizer@example.org";
    private static final String GUS = "a0000000-0000-4000-8000-000000000007";
    private static final String FINN = "a0000000-0000-4000-8000-000000000006";

    private final List<DomainEvent> log = new ArrayList<>();
    private long clock = 1_708_012_345_678L;

    private void add(DomainEvent... events) {
        log.addAll(List.of(events));
    }

    private long t() {
        return clock++;
    }

    /** A rally with Kub Kars (two groups, a removal, a renumbering collision) and Beavers (no groups). */
    private void registration() {
        add(new RallyCreated(t(), RALLY, "Kub Kar Rally 2026", "2026-02-15", ORGANIZER, Extras.NONE),
                new SectionCreated(t(), RALLY, KUB_KARS, "Kub Kars", ORGANIZER, Extras.NONE),
                new SectionCreated(t(), RALLY, BEAVERS, "Beavers", ORGANIZER, Extras.NONE),
                new GroupCreated(t(), RALLY, LAKESIDE, "1st Lakeside", Extras.NONE),
                new GroupCreated(t(), RALLY, HILLTOP, "Hilltop Pack", Extras.NONE),
                new RosterUpdated(t(), RALLY, KUB_KARS, LAKESIDE, List.of(new Participant(AVA, "Ava Chen", null),
                        new Participant(BEN, "Ben Okafor", "B100")), ORGANIZER, Extras.NONE),
                new ParticipantAdded(t(), RALLY, KUB_KARS, new Participant(CLEO, "Cleo Martin", null), ORGANIZER,
                        Extras.NONE),
                new ParticipantRemoved(t(), RALLY, KUB_KARS, CLEO, "2", ORGANIZER, Extras.NONE),
                new RosterUpdated(t(), RALLY, KUB_KARS, HILLTOP, List.of(new Participant(DAN, "Dan Roy", null),
                        new Participant(EVE, "Eve Singh", "1")), ORGANIZER, Extras.NONE),
                new RosterUpdated(t(), RALLY, BEAVERS, null, List.of(new Participant(FINN, "Finn Walsh", "7"),
                        new Participant(GUS, "Gus Park", null)), ORGANIZER, Extras.NONE),
                new ParticipantUpdated(t(), RALLY, BEAVERS, GUS, null, new ParticipantUpdated.GroupChange(LAKESIDE),
                        ORGANIZER, Extras.NONE));
    }

    private RosterPackage export() {
        RallyState state = RallyState.replay(log);
        return RosterPackage.of(state, EXPORTED);
    }

    @Test
    void of_registeredRally_carriesTheFoldsCarNumbersAndGroups() {
        registration();

        RosterPackage p = export();

        assertThat(p).isEqualTo(new RosterPackage(RALLY, "Kub Kar Rally 2026", "2026-02-15", EXPORTED,
                List.of(new Group(LAKESIDE, "1st Lakeside"), new Group(HILLTOP, "Hilltop Pack")),
                List.of(new Section(KUB_KARS, "Kub Kars", List.of(
                                new Member(AVA, "Ava Chen", "1", LAKESIDE),
                                new Member(BEN, "Ben Okafor", "B100", LAKESIDE),
                                new Member(DAN, "Dan Roy", "3", HILLTOP),
                                new Member(EVE, "Eve Singh", "4", HILLTOP))),
                        new Section(BEAVERS, "Beavers", List.of(
                                new Member(FINN, "Finn Walsh", "7", null),
                                new Member(GUS, "Gus Park", "1", LAKESIDE))))));
    }

    @Test
    void of_thenWriteAndRead_givesTheSamePackage() throws Exception {
        registration();
        RosterPackage p = export();

        assertThat(RosterPackageJson.read(RosterPackageJson.write(p))).isEqualTo(p);
    }

    @Test
    void of_loadedSectionWithRegistration_exportsTheRegistrationWithGroups() {
        registration();
        add(new RosterLoaded(t(), RALLY, BEAVERS, "Beavers", List.of(new Participant(FINN, "Finn Walsh", "7")),
                Extras.NONE));

        assertThat(export().sections().get(1).participants()).containsExactly(
                new Member(FINN, "Finn Walsh", "7", null), new Member(GUS, "Gus Park", "1", LAKESIDE));
    }

    @Test
    void of_loadedSectionWithoutRegistration_exportsTheLoadedRosterWithoutGroups() {
        add(new RallyCreated(t(), RALLY, "Race day", null, ORGANIZER, Extras.NONE),
                new RosterLoaded(t(), RALLY, KUB_KARS, "Kub Kars", List.of(new Participant(AVA, "Ava Chen", "12"),
                        new Participant(BEN, "Ben Okafor", "B100")), Extras.NONE));

        RosterPackage p = export();

        assertThat(p.rallyDate()).isNull();
        assertThat(p.sections()).containsExactly(new Section(KUB_KARS, "Kub Kars", List.of(
                new Member(AVA, "Ava Chen", "12", null), new Member(BEN, "Ben Okafor", "B100", null))));
    }

    @Test
    void of_sectionWithoutParticipants_exportedEmpty() {
        add(new RallyCreated(t(), RALLY, "Rally", "2026-02-15", ORGANIZER, Extras.NONE),
                new SectionCreated(t(), RALLY, KUB_KARS, "Kub Kars", ORGANIZER, Extras.NONE));

        assertThat(export().sections()).containsExactly(new Section(KUB_KARS, "Kub Kars", List.of()));
    }

    @Test
    void of_groupTheLogNeverCreated_addedNamedByItsIdSoThePackageReadsBack() throws Exception {
        add(new RallyCreated(t(), RALLY, "Rally", "2026-02-15", ORGANIZER, Extras.NONE),
                new SectionCreated(t(), RALLY, KUB_KARS, "Kub Kars", ORGANIZER, Extras.NONE),
                new RosterUpdated(t(), RALLY, KUB_KARS, HILLTOP, List.of(new Participant(AVA, "Ava Chen", null)),
                        ORGANIZER, Extras.NONE));

        RosterPackage p = export();

        assertThat(p.groups()).containsExactly(new Group(HILLTOP, HILLTOP));
        assertThat(RosterPackageJson.read(RosterPackageJson.write(p))).isEqualTo(p);
    }

    @Test
    void of_noRallyCreated_refusedSayingWhy() {
        add(new RosterLoaded(t(), RALLY, KUB_KARS, "Kub Kars", List.of(new Participant(AVA, "Ava Chen", "1")),
                Extras.NONE));

        assertThatThrownBy(this::export).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot export a roster package: the log has no RallyCreated, so there is no rally id"
                        + " or name to put in it (is this a race-day-only log?)");
    }

    @Test
    void of_idThatIsNotAUuid_refusedRatherThanWritingAnUnreadableFile() {
        add(new RallyCreated(t(), RALLY, "Rally", "2026-02-15", ORGANIZER, Extras.NONE),
                new SectionCreated(t(), RALLY, "section-1", "Kub Kars", ORGANIZER, Extras.NONE));

        assertThatThrownBy(this::export).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot export a roster package of rally \"Rally\": sections[0] (\"Kub Kars\"):"
                        + " section_id \"section-1\" is not a UUID");
    }

    @Test
    void of_participantInTwoSections_refusedNamingBoth() {
        add(new RallyCreated(t(), RALLY, "Rally", "2026-02-15", ORGANIZER, Extras.NONE),
                new RosterUpdated(t(), RALLY, KUB_KARS, null, List.of(new Participant(AVA, "Ava Chen", null)),
                        ORGANIZER, Extras.NONE),
                new RosterUpdated(t(), RALLY, BEAVERS, null, List.of(new Participant(AVA, "Ava Chen", null)),
                        ORGANIZER, Extras.NONE));

        assertThatThrownBy(this::export).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sections[1].participants[0] (\"Ava Chen\"): participant_id \"" + AVA
                        + "\" is also the id of sections[0].participants[0] (\"Ava Chen\")");
    }
}
