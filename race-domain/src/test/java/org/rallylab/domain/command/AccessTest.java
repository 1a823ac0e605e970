package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.RaceDay;

class AccessTest {

    private static final String ORGANIZER = "organizer@example.org";

    private static RaceDay rally() {
        RaceDay day = RaceDay.withSection("kk", 4).addSection("bb", 3);
        day.accept(new Command.InviteRegistrar("kk", "reg@example.org", ORGANIZER));
        day.accept(new Command.InviteCheckInVolunteer("bb", "door@example.org", ORGANIZER));
        day.accept(new Command.InviteOperator("op@example.org", ORGANIZER));
        return day;
    }

    @Test
    void organizerAndOperators_anyCommand_mayDoIt() {
        RaceDay day = rally();
        assertThat(Access.of(day.state(), ORGANIZER).wholeRally()).isTrue();
        assertThat(Access.of(day.state(), " OP@example.org ").wholeRally()).isTrue();
        assertThat(Access.of(day.state(), null)).isEqualTo(Access.EVERYTHING);
        assertThat(Access.of(day.state(), ORGANIZER).refusal(day.state(), new Command.StartSection("kk", List.of(1, 2))))
                .isEmpty();
    }

    @Test
    void someoneNotNamed_anyCommand_isNotLimitedHereTheServerDecides() {
        RaceDay day = rally();
        assertThat(Access.of(day.state(), "organizer-on-another-laptop@example.org").wholeRally()).isTrue();
    }

    @Test
    void registrar_rosterChange_onlyInTheirOwnSection() {
        RaceDay day = rally();
        Access registrar = Access.of(day.state(), "Reg@Example.org");
        assertThat(registrar.wholeRally()).isFalse();
        assertThat(registrar.registrarSections()).containsExactly("kk");
        assertThat(registrar.describe(day.state())).isEqualTo("registrar of " + day.section("kk").sectionName());
        assertThat(registrar.refusal(day.state(), new Command.AddParticipant("kk", "p9", "Zoe", null, null))).isEmpty();
        assertThat(registrar.refusal(day.state(), new Command.ImportParticipants("kk", List.of(), Map.of()))).isEmpty();
        assertThat(registrar.refusal(day.state(), new Command.CreateGroup("g1", "1st Troop"))).isEmpty();
        assertThat(registrar.refusal(day.state(), new Command.AddParticipant("bb", "p9", "Zoe", null, null)))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Signed in as reg@example.org, you are the registrar of")
                        .contains(day.section("bb").sectionName() + " is not yours to change"));
        assertThat(registrar.refusal(day.state(), new Command.LoadRosterForRaceDay("kk")))
                .hasValueSatisfying(m -> assertThat(m).contains("only the organizer or an operator"));
        assertThat(registrar.refusal(day.state(), new Command.MarkArrived("kk", "1"))).isPresent();
    }

    @Test
    void checkInVolunteer_checkIn_onlyCarsOfTheirSection() {
        RaceDay day = rally();
        Access door = Access.of(day.state(), "door@example.org");
        assertThat(door.mayCheckIn("bb")).isTrue();
        assertThat(door.mayCheckIn("kk")).isFalse();
        assertThat(door.mayEditRoster("bb")).isFalse();
        assertThat(door.refusal(day.state(), new Command.MarkArrived("bb", "1"))).isEmpty();
        assertThat(door.refusal(day.state(), new Command.MarkArrived("kk", "1"))).isPresent();
        assertThat(door.refusal(day.state(), new Command.CancelArrival("bb", "1"))).isPresent();
        assertThat(door.refusal(day.state(), new Command.CreateGroup("g", "x"))).isPresent();
        assertThat(door.refusal(day.state(), new Command.StartSection("bb", List.of(1, 2)))).isPresent();
    }

    @Test
    void revokedRegistrar_anyCommand_noLongerLimitedNorNamed() {
        RaceDay day = rally();
        day.accept(new Command.RevokeRole("reg@example.org", "registrar", "kk", ORGANIZER));
        assertThat(Access.of(day.state(), "reg@example.org").registrarSections()).isEmpty();
    }
}
