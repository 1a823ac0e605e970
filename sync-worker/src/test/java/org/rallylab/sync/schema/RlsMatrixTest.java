package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.sync.schema.World.Actor;

/**
 * The row-level security matrix (sync-worker/README.md) on real PostgreSQL: every actor × every event type ×
 * own / other / a new rally, for insert and select. Each cell is one request made the way PostgREST
 * makes it, and is rolled back, so the cells do not depend on each other. A failing cell names
 * itself, e.g. "registrar (other section) inserts CarArrived into own rally → refused".
 */
class RlsMatrixTest {

    /** Where the event goes: R1/S1, R2/T1, or a rally id nobody has used. */
    enum Target {
        OWN_RALLY("own rally"), OTHER_RALLY("other rally"), NEW_RALLY("a new rally");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** One cell of the matrix and what the access rules say about it. */
    record Cell(Actor actor, String type, Target target, boolean allowed) {
        @Override
        public String toString() {
            return actor.label + " → " + type + " in " + target.label + " → " + (allowed ? "allowed" : "refused");
        }
    }

    /** Roster events a registrar may write in their own section (sync-worker/README.md + 003_access_functions.sql). */
    private static final Set<String> ROSTER = Set.of("RosterUpdated", "ParticipantAdded", "ParticipantUpdated",
            "ParticipantRemoved");

    private static World world;
    private static final AtomicLong CLIENT_IDS = new AtomicLong(1_000_000);

    @BeforeAll
    static void seed() {
        world = World.build();
    }

    static List<Cell> insertCells() {
        List<Cell> cells = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            for (DomainEvent e : Events.oneOfEachType()) {
                for (Target target : Target.values()) {
                    cells.add(new Cell(actor, e.type(), target, mayInsert(actor, e, target)));
                }
            }
        }
        return cells;
    }

    static List<Cell> selectCells() {
        List<Cell> cells = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            for (DomainEvent e : Events.oneOfEachType()) {
                cells.add(new Cell(actor, e.type(), Target.OWN_RALLY, actor != Actor.ANON && actor != Actor.STRANGER));
                cells.add(new Cell(actor, e.type(), Target.OTHER_RALLY, false));
            }
        }
        return cells;
    }

    /** The insert rules of sync-worker/README.md, written independently of the SQL. */
    private static boolean mayInsert(Actor actor, DomainEvent event, Target target) {
        String type = event.type();
        boolean sectionEvent = event.sectionId() != null;
        if (actor == Actor.ANON) {
            return false;
        }
        if (type.equals("RallyCreated")) {
            return target == Target.NEW_RALLY;
        }
        if (target != Target.OWN_RALLY) {
            return false;
        }
        return switch (actor) {
            case ORGANIZER, OPERATOR -> true;
            case REGISTRAR_OWN_SECTION -> sectionEvent ? ROSTER.contains(type) : type.equals("GroupCreated");
            case REGISTRAR_OTHER_SECTION -> !sectionEvent && type.equals("GroupCreated");
            case VOLUNTEER_OWN_SECTION -> sectionEvent && type.equals("CarArrived");
            default -> false;
        };
    }

    @ParameterizedTest(name = "insert: {0}")
    @MethodSource("insertCells")
    void insert(Cell cell) throws Exception {
        AsUser who = world.as(cell.actor());
        UUID createdBy = who.id() != null ? who.id() : world.as(Actor.ORGANIZER).id();
        EventRow row = Events.row(sample(cell.type()), rally(cell.target()), section(cell.target()), createdBy,
                CLIENT_IDS.incrementAndGet());
        if (cell.allowed()) {
            long visibleAfter;
            try {
                visibleAfter = who.probe(c -> {
                    assertThat(AsUser.push(c, List.of(row), true)).as(cell + ": rows stored").isEqualTo(1);
                    return countMine(c, row);
                });
            } catch (SQLException e) {
                throw new AssertionError(cell + ", but the server said: " + e.getMessage(), e);
            }
            assertThat(visibleAfter).as(cell + ": the writer reads its row back").isEqualTo(1);
        } else {
            assertThatThrownBy(() -> who.probe(c -> AsUser.push(c, List.of(row), true)))
                    .as(cell.toString())
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(cell + ": " + e.getMessage()).isEqualTo("42501"));
        }
    }

    @ParameterizedTest(name = "select: {0}")
    @MethodSource("selectCells")
    void select(Cell cell) throws Exception {
        AsUser who = world.as(cell.actor());
        UUID rally = rally(cell.target());
        String sql = "select count(*) from public.domain_events where rally_id = ? and event_type = ?";
        if (cell.actor() == Actor.ANON) {
            assertThatThrownBy(() -> who.count(sql, rally, cell.type()))
                    .as(cell.toString())
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(cell + ": " + e.getMessage()).isEqualTo("42501"));
            return;
        }
        long stored = world.storedRows(rally, cell.type());
        assertThat(stored).as(cell + ": seeded rows").isPositive();
        assertThat(who.count(sql, rally, cell.type())).as(cell.toString()).isEqualTo(cell.allowed() ? stored : 0);
    }

    @Test
    void seededInvitations_everyActorButTheStranger_hasARole() throws Exception {
        assertThat(world.roles(world.r1)).containsExactlyInAnyOrder(
                "operator@rally.test operator -",
                "organizer@rally.test organizer -",
                "registrar.other.section@rally.test registrar S2",
                "registrar.own.section@rally.test registrar S1",
                "volunteer.other.section@rally.test checkin_volunteer S2",
                "volunteer.own.section@rally.test checkin_volunteer S1");
        assertThat(world.roles(world.r2)).containsExactly("other.organizer@rally.test organizer -");
    }

    @Test
    void matrix_eventTypes_coversEveryTypeIncludingExtensionsAndUnknownOnes() {
        assertThat(Events.oneOfEachType()).extracting(DomainEvent::type)
                .contains("RallyCreated", "SectionCreated", "RegistrarInvited", "OperatorInvited",
                        "CheckInVolunteerInvited", "RoleRevoked", "GroupCreated", "RosterUpdated", "ParticipantAdded",
                        "ParticipantRemoved", "ParticipantUpdated", "RosterLoaded", "CarArrived", "SectionStarted",
                        "HeatStaged", "RaceCompleted", "RerunDeclared", "ResultManuallyEntered", "CarRemoved",
                        "ResultCorrected", "LanesChanged", "SectionCompleted", "SectionRenamed", "ArrivalCancelled",
                        "TrophyAwarded");
        assertThat(insertCells()).filteredOn(Cell::allowed).isNotEmpty();
        assertThat(insertCells()).filteredOn(c -> !c.allowed()).isNotEmpty();
    }

    private static long countMine(java.sql.Connection c, EventRow row) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from public.domain_events "
                + "where rally_id = ? and client_event_id = ?")) {
            p.setObject(1, row.rallyId());
            p.setLong(2, row.clientEventId());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static DomainEvent sample(String type) {
        return Events.oneOfEachType().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    private static UUID rally(Target target) {
        return switch (target) {
            case OWN_RALLY -> world.r1;
            case OTHER_RALLY -> world.r2;
            case NEW_RALLY -> UUID.randomUUID();
        };
    }

    private static UUID section(Target target) {
        return switch (target) {
            case OWN_RALLY -> world.s1;
            case OTHER_RALLY -> world.t1;
            case NEW_RALLY -> UUID.randomUUID();
        };
    }
}
