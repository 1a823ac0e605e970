package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.sync.schema.Refusal.assertRefused;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.sync.pg.PgFixture;

/**
 * The triggers that keep rally_roles: RallyCreated makes the organizer; invitations grant a role
 * to the invited email's user now or when that user signs up; RoleRevoked takes it away.
 */
class RoleTriggersTest {

    private PgFixture pg;
    private AsUser organizer;
    private final UUID rally = UUID.randomUUID();
    private final UUID s1 = UUID.randomUUID();
    private final UUID s2 = UUID.randomUUID();
    private long cid;

    @BeforeEach
    void createRally() throws Exception {
        pg = PgFixture.freshDatabase();
        organizer = signUp("organizer@rally.test");
        organizer.push(List.of(Events.rallyCreated(rally, organizer.id(), ++cid),
                Events.sectionCreated(rally, s1, organizer.id(), ++cid),
                Events.sectionCreated(rally, s2, organizer.id(), ++cid)));
    }

    @Test
    void rallyCreated_byItsAuthor_makesTheAuthorOrganizer() throws Exception {
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
        assertThat(organizer.count("select count(*) from public.rally_roles where rally_id = ? and role = 'organizer'",
                rally)).isEqualTo(1);
    }

    @Test
    void invitation_userAlreadySignedUp_grantsTheRoleAtOnce() throws Exception {
        AsUser ava = signUp("ava@rally.test");
        assertRefused("Ava before the invitation", () -> ava.push(List.of(participant(s1, ava))));
        assertThat(ava.count("select count(*) from public.domain_events where rally_id = ?", rally)).isZero();

        invite(Events.registrarInvited(rally, s1, "Ava@Rally.TEST ", organizer.id(), ++cid));

        assertThat(roles()).contains("ava@rally.test registrar S1");
        assertThat(ava.push(List.of(participant(s1, ava)))).isEqualTo(1);
        assertRefused("Ava in section S2", () -> ava.push(List.of(participant(s2, ava))));
        assertThat(ava.count("select count(*) from public.domain_events where rally_id = ?", rally)).isEqualTo(5);
    }

    @Test
    void invitation_userNotSignedUpYet_waitsForTheSignUp() throws Exception {
        invite(Events.operatorInvited(rally, "ben@rally.test", organizer.id(), ++cid));
        invite(Events.volunteerInvited(rally, s2, "ben@rally.test", organizer.id(), ++cid));
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
        assertThat(pending()).containsExactlyInAnyOrder("ben@rally.test operator -", "ben@rally.test checkin_volunteer S2");

        AsUser ben = signUp("BEN@rally.test");

        assertThat(roles()).contains("BEN@rally.test operator -", "BEN@rally.test checkin_volunteer S2");
        assertThat(pending()).isEmpty();
        assertThat(ben.push(List.of(Events.carArrived(rally, s1, "7", ben.id(), 900L)))).isEqualTo(1);
    }

    @Test
    void checkInVolunteer_invitedBeforeSignUp_marksCarsOfTheirSectionOnly() throws Exception {
        invite(Events.volunteerInvited(rally, s1, "cleo@rally.test", organizer.id(), ++cid));
        AsUser cleo = signUp("cleo@rally.test");
        assertThat(cleo.push(List.of(Events.carArrived(rally, s1, "7", cleo.id(), 901L)))).isEqualTo(1);
        assertRefused("a car of S2", () -> cleo.push(List.of(Events.carArrived(rally, s2, "8", cleo.id(), 902L))));
        assertRefused("a participant of S1", () -> cleo.push(List.of(participant(s1, cleo))));
    }

    @Test
    void registrarInvitation_twiceForOneSection_latestWins() throws Exception {
        AsUser ava = signUp("ava@rally.test");
        invite(Events.registrarInvited(rally, s1, "ava@rally.test", organizer.id(), ++cid));
        invite(Events.registrarInvited(rally, s2, "ava@rally.test", organizer.id(), ++cid));
        invite(Events.registrarInvited(rally, s1, "dan@rally.test", organizer.id(), ++cid));

        assertThat(roles()).containsExactlyInAnyOrder("organizer@rally.test organizer -", "ava@rally.test registrar S2");
        assertRefused("Ava after Dan replaced her in S1", () -> ava.push(List.of(participant(s1, ava))));
        AsUser dan = signUp("dan@rally.test");
        assertThat(dan.push(List.of(participant(s1, dan)))).isEqualTo(1);
        assertThat(ava.push(List.of(participant(s2, ava)))).isEqualTo(1);
    }

    @Test
    void roleRevoked_grantedRoles_takesTheRoleAway() throws Exception {
        AsUser ava = signUp("ava@rally.test");
        AsUser ben = signUp("ben@rally.test");
        invite(Events.registrarInvited(rally, s1, "ava@rally.test", organizer.id(), ++cid));
        invite(Events.operatorInvited(rally, "ben@rally.test", organizer.id(), ++cid));
        invite(Events.volunteerInvited(rally, s1, "ben@rally.test", organizer.id(), ++cid));
        assertThat(ava.push(List.of(participant(s1, ava)))).isEqualTo(1);

        invite(Events.roleRevoked(rally, s1, "AVA@rally.test", "registrar", organizer.id(), ++cid));
        invite(Events.roleRevoked(rally, null, "ben@rally.test", "operator", organizer.id(), ++cid));

        assertThat(roles()).containsExactlyInAnyOrder("organizer@rally.test organizer -",
                "ben@rally.test checkin_volunteer S1");
        assertRefused("Ava after her revocation", () -> ava.push(List.of(participant(s1, ava))));
        assertThat(ava.count("select count(*) from public.domain_events where rally_id = ?", rally)).isZero();
        assertRefused("Ben no longer operator", () -> ben.push(List.of(Events.row(
                Events.oneOfEachType().stream().filter(e -> e.type().equals("SectionStarted")).findFirst().orElseThrow(),
                rally, s1, ben.id(), 903L))));
        assertThat(ben.push(List.of(Events.carArrived(rally, s1, "3", ben.id(), 904L)))).isEqualTo(1);
    }

    @Test
    void roleRevoked_withoutASection_takesTheRoleInEverySection() throws Exception {
        signUp("ava@rally.test");
        invite(Events.volunteerInvited(rally, s1, "ava@rally.test", organizer.id(), ++cid));
        invite(Events.volunteerInvited(rally, s2, "ava@rally.test", organizer.id(), ++cid));
        invite(Events.roleRevoked(rally, null, "ava@rally.test", "checkin_volunteer", organizer.id(), ++cid));
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
    }

    @Test
    void roleRevoked_pendingInvitation_noRoleAtSignUp() throws Exception {
        invite(Events.registrarInvited(rally, s1, "eve@rally.test", organizer.id(), ++cid));
        invite(Events.roleRevoked(rally, s1, "eve@rally.test", "registrar", organizer.id(), ++cid));
        assertThat(pending()).isEmpty();
        AsUser eve = signUp("eve@rally.test");
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
        assertRefused("Eve", () -> eve.push(List.of(participant(s1, eve))));
    }

    @Test
    void roleRevoked_organizerRole_organizerKeepsTheRole() throws Exception {
        invite(Events.roleRevoked(rally, null, "organizer@rally.test", "organizer", organizer.id(), ++cid));
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
        assertThat(organizer.push(List.of(participant(s1, organizer)))).isEqualTo(1);
    }

    @Test
    void invitation_refusedByRowLevelSecurity_grantsNothing() throws Exception {
        AsUser mallory = signUp("mallory@rally.test");
        assertRefused("a stranger inviting herself as operator", () -> mallory.push(List.of(
                Events.operatorInvited(rally, "mallory@rally.test", mallory.id(), 1L))));
        assertRefused("a stranger inviting herself as registrar", () -> mallory.push(List.of(
                Events.registrarInvited(rally, s1, "mallory@rally.test", mallory.id(), 2L))));
        assertThat(roles()).containsExactly("organizer@rally.test organizer -");
        assertThat(pending()).isEmpty();
    }

    @Test
    void inviteOrRevoke_byARegistrar_refused() throws Exception {
        AsUser ava = signUp("ava@rally.test");
        invite(Events.registrarInvited(rally, s1, "ava@rally.test", organizer.id(), ++cid));
        assertRefused("registrar inviting a volunteer", () -> ava.push(List.of(
                Events.volunteerInvited(rally, s1, "friend@rally.test", ava.id(), 1L))));
        assertRefused("registrar revoking the operator", () -> ava.push(List.of(
                Events.roleRevoked(rally, null, "organizer@rally.test", "operator", ava.id(), 2L))));
    }

    @Test
    void invitation_byAnOperator_acceptedLikeTheOrganizers() throws Exception {
        AsUser ben = signUp("ben@rally.test");
        invite(Events.operatorInvited(rally, "ben@rally.test", organizer.id(), ++cid));
        assertThat(ben.push(List.of(Events.volunteerInvited(rally, s2, "fay@rally.test", ben.id(), 1L)))).isEqualTo(1);
        assertThat(pending()).containsExactly("fay@rally.test checkin_volunteer S2");
    }

    private void invite(EventRow row) throws Exception {
        assertThat(organizer.push(List.of(row))).as(row.eventType()).isEqualTo(1);
    }

    private EventRow participant(UUID section, AsUser by) {
        return Events.participantAdded(rally, section, "Racer", by.id(), 10_000L + ++cid);
    }

    private AsUser signUp(String email) {
        return AsUser.signedIn(pg, pg.createUser(email), email);
    }

    private List<String> roles() throws Exception {
        return lines("select u.email || ' ' || r.role || ' ' || " + section("r.section_id")
                + " from public.rally_roles r join auth.users u on u.id = r.user_id where r.rally_id = '" + rally + "'");
    }

    private List<String> pending() throws Exception {
        return lines("select p.email || ' ' || p.role || ' ' || " + section("p.section_id")
                + " from rallylab.pending_invitations p where p.rally_id = '" + rally + "'");
    }

    private String section(String column) {
        return "case " + column + " when '" + s1 + "' then 'S1' when '" + s2 + "' then 'S2' else coalesce(" + column
                + "::text, '-') end";
    }

    private List<String> lines(String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
