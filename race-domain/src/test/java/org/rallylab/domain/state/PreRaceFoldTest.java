package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.CheckInVolunteerInvited;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RegistrarInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.domain.event.RosterUpdated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.roster.RegisteredParticipant;

/** The pre-race tree (docs/events.md, Pre-race events), folded from events. */
class PreRaceFoldTest {

    private static final String R = "rally";
    private static final String S = "kub-kars";

    private static RallyState fold(DomainEvent... more) {
        List<DomainEvent> log = new java.util.ArrayList<>(List.of(
                new RallyCreated(1, R, "Spring Rally", "2026-04-11", "org@example.org", Extras.NONE),
                new SectionCreated(2, R, S, "Kub Kars", "org@example.org", Extras.NONE)));
        log.addAll(List.of(more));
        return RallyState.replay(log);
    }

    @Test
    void rallyAndSections_namedByTheirEvents() {
        RallyState state = fold();
        assertThat(state.rallyName()).isEqualTo("Spring Rally");
        assertThat(state.rallyDate()).hasValue("2026-04-11");
        assertThat(state.createdBy()).hasValue("org@example.org");
        assertThat(state.findSection("KUB KARS")).hasValueSatisfying(s -> assertThat(s.sectionId()).isEqualTo(S));
        assertThat(state.section(S).orElseThrow().phase()).isEqualTo(SectionPhase.IDLE);
    }

    @Test
    void registrarInvited_latestPerSectionIsTheRegistrar_revokeTakesItBack() {
        RallyState state = fold(
                new RegistrarInvited(3, R, S, "first@example.org", "org", Extras.NONE),
                new RegistrarInvited(4, R, S, "second@example.org", "org", Extras.NONE));
        assertThat(state.section(S).orElseThrow().registrarEmail()).hasValue("second@example.org");
        RallyState revoked = fold(
                new RegistrarInvited(3, R, S, "second@example.org", "org", Extras.NONE),
                new RoleRevoked(4, R, S, "SECOND@example.org", "registrar", "org", Extras.NONE));
        assertThat(revoked.section(S).orElseThrow().registrarEmail()).isEmpty();
    }

    @Test
    void operatorsAndCheckInVolunteers_grantedAndRevoked() {
        RallyState state = fold(
                new OperatorInvited(3, R, "op1@example.org", "org", Extras.NONE),
                new OperatorInvited(4, R, "op2@example.org", "org", Extras.NONE),
                new CheckInVolunteerInvited(5, R, S, "vol@example.org", "org", Extras.NONE),
                new RoleRevoked(6, R, null, "op1@example.org", "operator", "org", Extras.NONE),
                new RoleRevoked(7, R, S, "vol@example.org", "checkin_volunteer", "org", Extras.NONE),
                new RoleRevoked(8, R, S, "x@example.org", "mascot", "org", Extras.NONE));
        assertThat(state.operators()).containsExactly("op2@example.org");
        assertThat(state.section(S).orElseThrow().checkInVolunteers()).isEmpty();
    }

    @Test
    void rosterEvents_numberCarsByTheCarNumberRules() {
        RallyState state = fold(
                new GroupCreated(3, R, "g1", "1st Lakeside", Extras.NONE),
                new GroupCreated(4, R, "g2", "2nd Hillcrest", Extras.NONE),
                new RosterUpdated(5, R, S, "g1", List.of(new Participant("a", "Ava", null),
                        new Participant("b", "Ben", "3")), "reg", Extras.NONE),
                new RosterUpdated(6, R, S, "g2", List.of(new Participant("c", "Cleo", null),
                        new Participant("d", "Dev", "3")), "reg", Extras.NONE),
                new ParticipantRemoved(7, R, S, "a", "1", "reg", Extras.NONE),
                new ParticipantAdded(8, R, S, new Participant("e", "Elle", null), "reg", Extras.NONE),
                new ParticipantUpdated(9, R, S, "c", "Cleo M.", new ParticipantUpdated.GroupChange("g1"), "reg",
                        Extras.NONE));
        assertThat(state.groups()).containsOnlyKeys("g1", "g2");
        assertThat(state.section(S).orElseThrow().registration().participants()).containsExactly(
                new RegisteredParticipant("b", "Ben", "3", "g1"),
                new RegisteredParticipant("c", "Cleo M.", "2", "g1"),
                new RegisteredParticipant("d", "Dev", "4", "g2"),
                new RegisteredParticipant("e", "Elle", "5", null));
        assertThat(state.section(S).orElseThrow().registration().retiredNumbers()).containsExactly("1");
    }

    @Test
    void sectionRenamed_latestNameWins_andARosterLoadedAfterItKeepsItsOwnName() {
        RallyState state = fold(
                new SectionRenamed(3, R, S, "Kub Kars Saturday", Extras.NONE),
                new SectionRenamed(4, R, S, "Kub Kars Final", Extras.NONE));
        assertThat(state.section(S).orElseThrow().sectionName()).isEqualTo("Kub Kars Final");
        assertThat(state.findSection("kub kars final")).isPresent();
        assertThat(state.findSection("Kub Kars")).isEmpty();
        RallyState loaded = fold(new SectionRenamed(3, R, S, "Kub Kars Saturday", Extras.NONE),
                new RosterLoaded(4, R, S, "Kub Kars Saturday", List.of(new Participant("a", "Ava", "1")), Extras.NONE));
        assertThat(loaded.section(S).orElseThrow().sectionName()).isEqualTo("Kub Kars Saturday");
    }

    @Test
    void sectionRenamed_forASectionTheLogNeverCreated_namesIt() {
        RallyState state = RallyState.replay(List.of(new SectionRenamed(1, R, "other", "Scout Trucks", Extras.NONE)));
        assertThat(state.section("other").orElseThrow().sectionName()).isEqualTo("Scout Trucks");
    }

    @Test
    void findSection_ambiguousName_empty() {
        RallyState state = fold(new SectionCreated(3, R, "other", "kub kars", "org", Extras.NONE));
        assertThat(state.findSection("Kub Kars")).isEmpty();
        assertThat(state.findSection("other")).isPresent();
    }
}
