package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.roster.RosterPackage;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;
import org.rallylab.store.roster.RosterPackageJson;

/**
 * The roster package import preview: what is loaded, what is skipped and why, the commands; and
 * that {@link RaceRules} accepts every command it plans, so the preview never promises what the
 * rules refuse.
 */
class RosterPackageImportTest {

    private static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    private static final String OTHER_RALLY = "11111111-2222-4333-8444-555555555555";
    private static final String KUBS = "0a000000-0000-4000-8000-000000000001";
    private static final String SCOUTS = "0a000000-0000-4000-8000-000000000002";
    private static final String BEAVERS = "0a000000-0000-4000-8000-000000000003";
    private static final String ORGANIZER = "organizer@example.org";

    private final RaceRules rules = new RaceRules();
    private final List<DomainEvent> log = new ArrayList<>();
    private RallyState state = RallyState.empty();
    private long clock = 1_708_000_000_000L;

    private void run(Command command) {
        Decision d = rules.decide(state, command, clock += 1_000);
        assertThat(d).as("%s: %s", command, d.message()).isInstanceOf(Decision.Accepted.class);
        d.events().forEach(e -> {
            log.add(e);
            state.apply(e);
        });
        assertThat(RallyState.replay(log)).isEqualTo(state);
    }

    /** Runs every planned command; each must be accepted. */
    private void runAll(RosterPackageImport plan) {
        plan.commands().forEach(this::run);
    }

    private void createRally() {
        run(new Command.CreateRally(RALLY, "Spring Rally", "2026-04-11", ORGANIZER));
    }

    private static Member member(int i, String name, String car) {
        return new Member(String.format("0b000000-0000-4000-8000-%012d", i), name, car, null);
    }

    private static Section section(String id, String name, Member... members) {
        return new Section(id, name, List.of(members));
    }

    private static RosterPackage pkg(String rallyId, Section... sections) {
        return new RosterPackage(rallyId, "Spring Rally", "2026-04-11", Instant.parse("2026-04-01T10:00:00Z"),
                List.of(), List.of(sections));
    }

    private static final Section KUB_KARS = section(KUBS, "Kub Kars", member(1, "Ava Chen", "1"),
            member(2, "Ben Okafor", "2"), member(3, "Cleo Diaz", "7"));
    private static final Section SCOUT_TRUCKS = section(SCOUTS, "Scout Trucks", member(4, "Dev Patel", "1"),
            member(5, "Eli Moss", "2"));

    private List<String> roster(String sectionId) {
        return state.section(sectionId).orElseThrow().roster().stream()
                .map(e -> e.carNumber() + " " + e.name()).toList();
    }

    @Test
    void of_newRallyFile_createsRallyAndSectionsThenLoadsEach() {
        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.refusal()).isEmpty();
        assertThat(plan.createsRally()).isTrue();
        assertThat(plan.loads()).containsExactly(new RosterPackageImport.Load(KUBS, "Kub Kars", 3, true),
                new RosterPackageImport.Load(SCOUTS, "Scout Trucks", 2, true));
        assertThat(plan.skipped()).isEmpty();
        assertThat(plan.commands()).containsExactly(
                new Command.CreateRally(RALLY, "Spring Rally", "2026-04-11", ORGANIZER),
                new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER),
                new Command.LoadRoster(RALLY, KUBS, "Kub Kars", List.of(new Participant(KUB_KARS.participants().get(0)
                        .participantId(), "Ava Chen", "1"), new Participant(KUB_KARS.participants().get(1)
                        .participantId(), "Ben Okafor", "2"), new Participant(KUB_KARS.participants().get(2)
                        .participantId(), "Cleo Diaz", "7"))),
                new Command.CreateSection(SCOUTS, "Scout Trucks", ORGANIZER),
                plan.commands().get(4));
        assertThat(plan.summary()).isEqualTo("2 sections (5 participants) to load for race day, 0 skipped;"
                + " the rally \"Spring Rally\" is created.");

        runAll(plan);
        assertThat(state.rallyId()).contains(RALLY);
        assertThat(state.rallyName()).isEqualTo("Spring Rally");
        assertThat(state.rallyDate()).contains("2026-04-11");
        assertThat(roster(KUBS)).containsExactly("1 Ava Chen", "2 Ben Okafor", "7 Cleo Diaz");
        assertThat(roster(SCOUTS)).containsExactly("1 Dev Patel", "2 Eli Moss");
        assertThat(state.section(KUBS).orElseThrow().roster()).extracting(RosterEntry::participantId)
                .containsExactlyElementsOf(KUB_KARS.participants().stream().map(Member::participantId).toList());
    }

    @Test
    void of_existingRallySameId_loadsExistingSectionsWithoutCreatingThemOrTheRally() {
        createRally();
        run(new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER));
        run(new Command.AddParticipant(KUBS, "p-1", "Someone Earlier", null, null));

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.createsRally()).isFalse();
        assertThat(plan.loads()).extracting(RosterPackageImport.Load::sectionName, RosterPackageImport.Load::createsSection)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Kub Kars", false),
                        org.assertj.core.groups.Tuple.tuple("Scout Trucks", true));
        assertThat(plan.commands()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("LoadRoster", "CreateSection", "LoadRoster");
        runAll(plan);
        assertThat(roster(KUBS)).containsExactly("1 Ava Chen", "2 Ben Okafor", "7 Cleo Diaz");
        assertThat(state.sections()).extracting(SectionState::sectionName).containsExactly("Kub Kars", "Scout Trucks");
    }

    @Test
    void of_packageOfAnotherRally_isRefusedWithNothingToRun() {
        createRally();

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(OTHER_RALLY, KUB_KARS), ORGANIZER);

        assertThat(plan.refusal()).hasValueSatisfying(r -> assertThat(r)
                .contains(OTHER_RALLY, RALLY, "\"Spring Rally\"", "a new rally file"));
        assertThat(plan.commands()).isEmpty();
        assertThat(plan.loads()).isEmpty();
        assertThat(plan.summary()).isEqualTo(plan.refusal().get());
        Decision d = rules.decide(state, new Command.LoadRoster(OTHER_RALLY, KUBS, "Kub Kars",
                List.of(new Participant("p", "Ava", "1"))), clock);
        assertThat(d).as("the rules refuse it too").isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void of_raceDayOnlyLogOfTheSameRally_createsTheRallyAndKeepsItsSections() {
        run(new Command.LoadRoster(RALLY, KUBS, "Kub Kars", List.of(new Participant("p", "Ava Chen", "1"))));
        assertThat(state.rallyCreated()).isFalse();

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.createsRally()).isTrue();
        assertThat(plan.skipped()).extracting(RosterPackageImport.Skipped::sectionName).containsExactly("Kub Kars");
        runAll(plan);
        assertThat(state.rallyName()).isEqualTo("Spring Rally");
        assertThat(roster(SCOUTS)).containsExactly("1 Dev Patel", "2 Eli Moss");
    }

    @Test
    void of_sectionLoadedForRaceDay_isSkippedAndItsCheckInKept() {
        createRally();
        run(new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER));
        run(new Command.LoadRoster(RALLY, KUBS, "Kub Kars", List.of(new Participant("p", "Zed Early", "9"))));
        run(new Command.MarkArrived(KUBS, "9"));

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.sectionId()).isEqualTo(KUBS);
            assertThat(s.message()).isEqualTo("Kub Kars (3 participants): already loaded for race day in this"
                    + " rally file (1 car checked in); the loaded roster is kept, so check-in is not disturbed");
        });
        assertThat(plan.loads()).extracting(RosterPackageImport.Load::sectionId).containsExactly(SCOUTS);
        runAll(plan);
        assertThat(roster(KUBS)).containsExactly("9 Zed Early");
        assertThat(state.section(KUBS).orElseThrow().arrivedCars()).containsExactly("9");
    }

    @Test
    void of_sameRosterLoadedAgain_saysSo() {
        RosterPackage p = pkg(RALLY, KUB_KARS);
        runAll(RosterPackageImport.of(state, p, ORGANIZER));

        RosterPackageImport again = RosterPackageImport.of(state, p, ORGANIZER);

        assertThat(again.commands()).as("nothing to run, not even for the rally").isEmpty();
        assertThat(again.skipped()).singleElement().extracting(RosterPackageImport.Skipped::reason)
                .isEqualTo("already loaded for race day in this rally file with this same roster");
    }

    @Test
    void of_sectionRacingOrComplete_isSkipped() {
        createRally();
        run(new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER));
        run(new Command.LoadRoster(RALLY, KUBS, "Kub Kars", List.of(new Participant("p1", "A", "1"),
                new Participant("p2", "B", "2"))));
        run(new Command.MarkArrived(KUBS, "1"));
        run(new Command.MarkArrived(KUBS, "2"));
        run(new Command.StartSection(KUBS, List.of(1, 2)));

        RosterPackageImport racing = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS), ORGANIZER);
        assertThat(racing.skipped()).singleElement().extracting(RosterPackageImport.Skipped::reason)
                .isEqualTo("already racing in this rally file; its roster is frozen");
        assertThat(racing.commands()).isEmpty();

        run(new Command.RecordRace(KUBS, 1, "race-1", java.util.Map.of(1, 3_100L, 2, 3_200L), null, null, true));
        run(new Command.EndSectionEarly(KUBS));
        RosterPackageImport complete = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS), ORGANIZER);
        assertThat(complete.skipped()).singleElement().extracting(RosterPackageImport.Skipped::reason)
                .asString().startsWith("already raced and complete");
    }

    @Test
    void of_emptySectionInPackage_isSkippedWithItsReason() {
        Section empty = section(BEAVERS, "Beaver Buggies");

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, empty, KUB_KARS), ORGANIZER);

        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.sectionName()).isEqualTo("Beaver Buggies");
            assertThat(s.message()).startsWith("Beaver Buggies (0 participants): no participants in the package");
        });
        assertThat(plan.commands()).noneMatch(c -> c instanceof Command.CreateSection s && s.sectionId().equals(BEAVERS));
        runAll(plan);
        assertThat(state.section(BEAVERS)).isEmpty();
    }

    @Test
    void of_onlyEmptySections_runsNothingNotEvenTheRally() {
        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, section(BEAVERS, "Beaver Buggies")),
                ORGANIZER);

        assertThat(plan.loads()).isEmpty();
        assertThat(plan.commands()).isEmpty();
        assertThat(plan.createsRally()).isTrue();
    }

    @Test
    void of_nameTakenByAnotherSectionId_isSkipped() {
        createRally();
        String otherKubs = "0c000000-0000-4000-8000-000000000009";
        run(new Command.CreateSection(otherKubs, "KUB KARS", ORGANIZER));

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.skipped()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("the name is taken by another section of this rally file (id " + otherKubs + ")"));
        Decision d = rules.decide(state, new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER), clock);
        assertThat(d).as("the rules refuse it too").isInstanceOf(Decision.Rejected.class);
        runAll(plan);
        assertThat(state.sections()).extracting(SectionState::sectionName).containsExactly("KUB KARS", "Scout Trucks");
    }

    @Test
    void of_twoSectionsOfOneNameInThePackage_loadsTheFirstOnly() {
        Section twin = section(SCOUTS, "Kub Kars", member(4, "Dev Patel", "1"));

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, KUB_KARS, twin), ORGANIZER);

        assertThat(plan.loads()).extracting(RosterPackageImport.Load::sectionId).containsExactly(KUBS);
        assertThat(plan.skipped()).extracting(RosterPackageImport.Skipped::sectionId).containsExactly(SCOUTS);
        runAll(plan);
    }

    @Test
    void of_rosterLoadRosterWouldRefuse_isSkipped() {
        Section twice = section(KUBS, "Kub Kars", member(1, "Ava Chen", "4"), member(2, "Ben Okafor", "4"));

        RosterPackageImport plan = RosterPackageImport.of(state, pkg(RALLY, twice, SCOUT_TRUCKS), ORGANIZER);

        assertThat(plan.skipped()).singleElement().extracting(RosterPackageImport.Skipped::reason)
                .isEqualTo("car number 4 appears twice (Ava Chen and Ben Okafor)");
        runAll(plan);
    }

    @Test
    void of_browserPackageWithNumericCarNumbersAndUnknownKeys_loadsAsWritten() throws Exception {
        String json = """
                {"version": 2, "rally_id": "%s", "rally_name": "Browser Rally", "rally_date": null,
                 "exported_at": 1775037600000, "app": "rallylab-web", "groups": [],
                 "sections": [{"section_id": "%s", "section_name": "Kub Kars", "color": "#f80",
                   "participants": [
                     {"participant_id": "0b000000-0000-4000-8000-000000000001", "name": "Ava Chen",
                      "car_number": 12, "checked_in": false},
                     {"participant_id": "0b000000-0000-4000-8000-000000000002", "name": "Ben Okafor",
                      "car_number": 101, "group_id": null}]}]}
                """.formatted(RALLY, KUBS);
        RosterPackage p = RosterPackageJson.read(json);

        RosterPackageImport plan = RosterPackageImport.of(state, p, ORGANIZER);

        assertThat(plan.commands().get(0)).isEqualTo(new Command.CreateRally(RALLY, "Browser Rally", null, ORGANIZER));
        runAll(plan);
        assertThat(state.rallyName()).isEqualTo("Browser Rally");
        assertThat(state.rallyDate()).isEmpty();
        assertThat(roster(KUBS)).containsExactly("12 Ava Chen", "101 Ben Okafor");
    }

    @Test
    void of_exportedRallyImportedIntoNewFile_givesTheSameRosters() {
        createRally();
        run(new Command.CreateSection(KUBS, "Kub Kars", ORGANIZER));
        run(new Command.AddParticipant(KUBS, "0b000000-0000-4000-8000-000000000001", "Ava Chen", null, null));
        run(new Command.AddParticipant(KUBS, "0b000000-0000-4000-8000-000000000002", "Ben Okafor", "7", null));
        RosterPackage exported = RosterPackage.of(state, Instant.parse("2026-04-01T10:00:00Z"));

        state = RallyState.empty();
        log.clear();
        runAll(RosterPackageImport.of(state, exported, "someone@race-day"));

        assertThat(roster(KUBS)).containsExactly("1 Ava Chen", "7 Ben Okafor");
        assertThat(state.createdBy()).contains("someone@race-day");
    }
}
