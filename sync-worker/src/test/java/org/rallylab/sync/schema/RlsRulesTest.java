package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.sync.schema.Refusal.assertRefused;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rallylab.sync.schema.World.Actor;

/**
 * The named access rules (sync-worker/README.md) around the matrix: forged authors, a second RallyCreated, no update or
 * delete for anyone, rally_roles read-only and private, payloads that name another section.
 */
class RlsRulesTest {

    private static World world;

    @BeforeAll
    static void seed() {
        world = World.build();
    }

    @Test
    void createdBy_notTheCaller_refused() throws Exception {
        AsUser organizer = world.as(Actor.ORGANIZER);
        EventRow row = Events.participantAdded(world.r1, world.s1, "Ava", organizer.id(), 500_001L);
        assertRefused("organizer writing as the operator",
                () -> organizer.push(List.of(row.withCreatedBy(world.as(Actor.OPERATOR).id()))));
        assertRefused("organizer writing as nobody (created_by null)",
                () -> organizer.push(List.of(row.withCreatedBy(null))));
        assertRefused("stranger writing as the organizer",
                () -> world.as(Actor.STRANGER).push(List.of(row)));
        assertThat(organizer.push(List.of(row))).isEqualTo(1);
    }

    @Test
    void createdBy_leftOutOfTheInsert_defaultsToTheCaller() throws Exception {
        AsUser operator = world.as(Actor.OPERATOR);
        EventRow row = Events.carArrived(world.r1, world.s1, "42", null, 500_002L);
        int stored = operator.execute("insert into public.domain_events (rally_id, section_id, event_type, payload, "
                        + "client_event_id) values (?, ?, ?, ?::jsonb, ?)",
                row.rallyId(), row.sectionId(), row.eventType(), row.payload().toString(), row.clientEventId());
        assertThat(stored).isEqualTo(1);
        try (Connection c = world.pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement(
                     "select created_by from public.domain_events where rally_id = ? and client_event_id = 500002")) {
            p.setObject(1, world.r1);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(operator.id());
            }
        }
    }

    @Test
    void rallyCreated_forARallyThatExists_refusedForEveryone() throws Exception {
        for (Actor actor : List.of(Actor.ORGANIZER, Actor.OPERATOR, Actor.STRANGER)) {
            AsUser who = world.as(actor);
            assertRefused(actor.label + " re-creating own rally R1",
                    () -> who.push(List.of(Events.rallyCreated(world.r1, who.id(), 600_000L + actor.ordinal()))));
            assertRefused(actor.label + " taking over rally R2",
                    () -> who.push(List.of(Events.rallyCreated(world.r2, who.id(), 600_100L + actor.ordinal()))));
        }
        assertThat(world.roles(world.r2)).containsExactly("other.organizer@rally.test organizer -");
    }

    @Test
    void rallyCreated_twiceForOneNewRallyInOnePush_refused() throws Exception {
        AsUser stranger = world.as(Actor.STRANGER);
        UUID rally = UUID.randomUUID();
        assertRefused("two RallyCreated in one batch", () -> stranger.push(List.of(
                Events.rallyCreated(rally, stranger.id(), 1L), Events.rallyCreated(rally, stranger.id(), 2L))));
        assertThat(world.storedRows(rally, null)).isZero();
    }

    @Test
    void push_thatCreatesARally_mayFillItInTheSameStatement() throws Exception {
        AsUser stranger = world.as(Actor.STRANGER);
        UUID rally = UUID.randomUUID();
        UUID section = UUID.randomUUID();
        int stored = stranger.push(List.of(
                Events.rallyCreated(rally, stranger.id(), 1L),
                Events.sectionCreated(rally, section, stranger.id(), 2L),
                Events.operatorInvited(rally, Actor.OPERATOR.email(), stranger.id(), 3L),
                Events.participantAdded(rally, section, "Ava", stranger.id(), 4L)));
        assertThat(stored).isEqualTo(4);
        assertThat(world.roles(rally)).containsExactlyInAnyOrder(
                "stranger@rally.test organizer -",
                "operator@rally.test operator -");
        assertThat(stranger.count("select count(*) from public.domain_events where rally_id = ?", rally)).isEqualTo(4);
    }

    @Test
    void push_oneForbiddenEvent_refusesTheWholePush() throws Exception {
        AsUser registrar = world.as(Actor.REGISTRAR_OWN_SECTION);
        long before = world.storedRows(world.r1, null);
        assertRefused("registrar pushing a roster event and a SectionStarted", () -> registrar.push(List.of(
                Events.participantAdded(world.r1, world.s1, "Ben", registrar.id(), 700_001L),
                Events.row(Events.oneOfEachType().stream().filter(e -> e.type().equals("SectionStarted"))
                        .findFirst().orElseThrow(), world.r1, world.s1, registrar.id(), 700_002L))));
        assertThat(world.storedRows(world.r1, null)).isEqualTo(before);
    }

    @Test
    void payload_namingAnotherRallySectionOrTypeThanItsRow_refused() throws Exception {
        AsUser registrar = world.as(Actor.REGISTRAR_OWN_SECTION);
        EventRow own = Events.participantAdded(world.r1, world.s1, "Cleo", registrar.id(), 800_001L);
        EventRow otherSection = new EventRow(own.rallyId(), own.sectionId(), own.eventType(),
                own.payload().deepCopy().put("section_id", world.s2.toString()), own.createdBy(), 800_002L);
        EventRow otherRally = new EventRow(own.rallyId(), own.sectionId(), own.eventType(),
                own.payload().deepCopy().put("rally_id", world.r2.toString()), own.createdBy(), 800_003L);
        EventRow otherType = new EventRow(own.rallyId(), own.sectionId(), own.eventType(),
                own.payload().deepCopy().put("type", "SectionStarted"), own.createdBy(), 800_004L);
        assertRefused("own section in the row, section S2 in the payload", Refusal.CHECK_VIOLATION,
                () -> registrar.push(List.of(otherSection)));
        assertRefused("rally R2 in the payload", Refusal.CHECK_VIOLATION, () -> registrar.push(List.of(otherRally)));
        assertRefused("another type in the payload", Refusal.CHECK_VIOLATION,
                () -> registrar.push(List.of(otherType)));
        assertThat(registrar.push(List.of(own))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} can neither update nor delete events")
    @EnumSource(Actor.class)
    void domainEvents_updateOrDeleteByAnyActor_refused(Actor actor) throws Exception {
        AsUser who = world.as(actor);
        long before = world.storedRows(world.r1, null);
        assertRefused(actor.label + " updating",
                () -> who.execute("update public.domain_events set payload = '{}'::jsonb where rally_id = ?", world.r1));
        assertRefused(actor.label + " deleting",
                () -> who.execute("delete from public.domain_events where rally_id = ?", world.r1));
        assertRefused(actor.label + " truncating", () -> who.execute("truncate public.domain_events"));
        assertRefused(actor.label + " merging (ON CONFLICT DO UPDATE)", () -> who.execute(
                "insert into public.domain_events (rally_id, section_id, event_type, payload, created_by, client_event_id) "
                        + "select rally_id, section_id, event_type, payload, created_by, client_event_id "
                        + "from public.domain_events where rally_id = ? and section_id is not null limit 1 "
                        + "on conflict (rally_id, section_id, client_event_id) do update set payload = excluded.payload",
                world.r1));
        assertThat(world.storedRows(world.r1, null)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} cannot write rally_roles")
    @EnumSource(Actor.class)
    void rallyRoles_writeByAnyActor_refused(Actor actor) throws Exception {
        AsUser who = world.as(actor);
        UUID self = who.id() != null ? who.id() : world.as(Actor.STRANGER).id();
        assertRefused(actor.label + " granting itself organizer of R2", () -> who.execute(
                "insert into public.rally_roles (rally_id, user_id, role) values (?, ?, 'organizer')", world.r2, self));
        assertRefused(actor.label + " changing a role",
                () -> who.execute("update public.rally_roles set role = 'organizer' where user_id = ?", self));
        assertRefused(actor.label + " deleting roles", () -> who.execute("delete from public.rally_roles"));
        assertThat(world.roles(world.r2)).containsExactly("other.organizer@rally.test organizer -");
    }

    @Test
    void rallyRoles_read_eachUserOnlyTheirOwnAndAnonNone() throws Exception {
        for (Actor actor : Actor.values()) {
            AsUser who = world.as(actor);
            if (actor == Actor.ANON) {
                assertRefused("anon reading rally_roles", () -> who.count("select count(*) from public.rally_roles"));
                continue;
            }
            long expected = actor == Actor.STRANGER ? 0 : 1;
            assertThat(who.count("select count(*) from public.rally_roles")).as(actor.label).isEqualTo(expected);
            assertThat(who.count("select count(*) from public.rally_roles where user_id <> ?", who.id()))
                    .as(actor.label + " seeing other people's roles").isZero();
        }
    }

    @Test
    void anon_anyReadWriteOrHelper_refused() {
        AsUser anon = world.as(Actor.ANON);
        assertRefused("anon reading events", () -> anon.count("select count(*) from public.domain_events"));
        assertRefused("anon creating a rally", () -> anon.push(List.of(
                Events.rallyCreated(UUID.randomUUID(), world.as(Actor.STRANGER).id(), 1L))));
        assertRefused("anon taking an id from the sequence",
                () -> anon.count("select nextval('public.domain_events_id_seq')"));
        assertRefused("anon reaching the helpers", () -> anon.count(
                "select count(*) from rallylab.caller_rally_ids()"));
        assertRefused("anon reading pending invitations",
                () -> anon.count("select count(*) from rallylab.pending_invitations"));
    }

    @Test
    void signedInUser_pendingInvitationsOrRoleFunctions_refused() {
        AsUser organizer = world.as(Actor.ORGANIZER);
        assertRefused("reading pending invitations",
                () -> organizer.count("select count(*) from rallylab.pending_invitations"));
        assertRefused("granting a role by hand", () -> organizer.count(
                "select 1 from rallylab.grant_role(?, 'stranger@rally.test', 'operator', null)", world.r2));
        assertRefused("revoking by hand", () -> organizer.count(
                "select 1 from rallylab.revoke_role(?, 'other.organizer@rally.test', 'operator', null)", world.r2));
    }
}
