package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.CheckInVolunteerInvited;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.RegistrarInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.domain.testing.RaceDay;

class RoleRulesTest {

    private static final String ORGANIZER = "organizer@example.org";

    @Test
    void invite_perRoleAndSection_isRecordedAndARepeatDoesNothing() {
        RaceDay day = RaceDay.withSection("kk", 4);
        assertThat(day.accept(new Command.InviteRegistrar("kk", " Reg@Example.org ", ORGANIZER))).singleElement()
                .isInstanceOfSatisfying(RegistrarInvited.class, e -> {
                    assertThat(e.registrarEmail()).isEqualTo("reg@example.org");
                    assertThat(e.sectionId()).isEqualTo("kk");
                    assertThat(e.invitedBy()).isEqualTo(ORGANIZER);
                });
        assertThat(day.section("kk").registrarEmail()).contains("reg@example.org");
        assertThat(day.decide(new Command.InviteRegistrar("kk", "reg@example.org", ORGANIZER)))
                .isInstanceOf(Decision.Ignored.class);

        assertThat(day.accept(new Command.InviteOperator("op@example.org", ORGANIZER))).singleElement()
                .isInstanceOf(OperatorInvited.class);
        assertThat(day.state().operators()).containsExactly("op@example.org");
        assertThat(day.accept(new Command.InviteCheckInVolunteer("kk", "door@example.org", ORGANIZER)))
                .singleElement().isInstanceOf(CheckInVolunteerInvited.class);
        assertThat(day.section("kk").checkInVolunteers()).containsExactly("door@example.org");
    }

    @Test
    void revoke_roleNotHeld_isRefused() {
        RaceDay day = RaceDay.withSection("kk", 4);
        day.accept(new Command.InviteOperator("op@example.org", ORGANIZER));
        day.accept(new Command.InviteCheckInVolunteer("kk", "door@example.org", ORGANIZER));
        assertThat(day.accept(new Command.RevokeRole("OP@example.org", "operator", null, ORGANIZER))).singleElement()
                .isInstanceOfSatisfying(RoleRevoked.class, e -> {
                    assertThat(e.email()).isEqualTo("op@example.org");
                    assertThat(e.role()).isEqualTo("operator");
                    assertThat(e.sectionId()).isNull();
                });
        assertThat(day.state().operators()).isEmpty();
        day.accept(new Command.RevokeRole("door@example.org", "checkin_volunteer", "kk", ORGANIZER));
        assertThat(day.section("kk").checkInVolunteers()).isEmpty();

        assertThat(day.reject(new Command.RevokeRole("op@example.org", "operator", null, ORGANIZER)))
                .isEqualTo("op@example.org is not an operator.");
        assertThat(day.reject(new Command.RevokeRole("x@example.org", "registrar", "kk", ORGANIZER)))
                .isEqualTo("x@example.org is not a registrar of Section kk.");
        assertThat(day.reject(new Command.RevokeRole(ORGANIZER, "organizer", null, ORGANIZER)))
                .contains("The organizer's role cannot be taken back");
    }

    @Test
    void invite_addressNotAnEmail_isRefusedWithAnExample() {
        RaceDay day = RaceDay.withSection("kk", 4);
        assertThat(day.reject(new Command.InviteOperator("Bob", ORGANIZER)))
                .isEqualTo("\"Bob\" is not an email address: invitations go to an address like name@example.org, "
                        + "where the person signs in with a code.");
        assertThat(day.reject(new Command.InviteRegistrar("nope", "reg@example.org", ORGANIZER)))
                .contains("nope");
    }
}
