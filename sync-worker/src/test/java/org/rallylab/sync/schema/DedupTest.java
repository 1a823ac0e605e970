package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.sync.schema.Refusal.assertRefused;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.testing.Await;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.sync.pg.PgFixture;

/**
 * A push resent after a lost response (ON CONFLICT (rally_id, section_id, client_event_id) DO
 * NOTHING, as PostgREST's ignore-duplicates does) leaves exactly one copy of every row, rally-level
 * rows (section_id null) included, and never fails; a different event under a taken key fails loudly.
 */
class DedupTest {

    private PgFixture pg;
    private AsUser organizer;
    private final UUID rally = UUID.randomUUID();
    private final UUID section = UUID.randomUUID();

    @BeforeEach
    void database() {
        pg = PgFixture.freshDatabase();
        organizer = AsUser.signedIn(pg, pg.createUser("organizer@rally.test"), "organizer@rally.test");
    }

    /** The organizer's log: a rally, a section, every event type, so rally- and section-level rows. */
    private List<EventRow> log() {
        List<EventRow> rows = new ArrayList<>();
        long cid = 0;
        rows.add(Events.rallyCreated(rally, organizer.id(), ++cid));
        rows.add(Events.sectionCreated(rally, section, organizer.id(), ++cid));
        for (DomainEvent e : Events.oneOfEachType()) {
            if (!e.type().equals("RallyCreated")) {
                rows.add(Events.row(e, rally, section, organizer.id(), ++cid));
            }
        }
        rows.add(Events.groupCreated(rally, "2nd Lakeside", organizer.id(), ++cid));
        rows.add(Events.operatorInvited(rally, "op@rally.test", organizer.id(), ++cid));
        return rows;
    }

    @Test
    void push_sameBatchTwice_storedOnce() throws Exception {
        List<EventRow> log = log();
        assertThat(log).filteredOn(r -> r.sectionId() == null).hasSizeGreaterThanOrEqualTo(4);

        assertThat(organizer.push(log)).isEqualTo(log.size());
        assertThat(organizer.push(log)).as("the resent batch stores nothing and does not fail").isZero();

        assertThat(clientEventIds()).containsExactlyElementsOf(log.stream().map(EventRow::clientEventId).toList());
    }

    @Test
    void push_retryOverlappingTheNextBatch_fillsOnlyTheGap() throws Exception {
        List<EventRow> log = log();
        List<EventRow> first = log.subList(0, 10);
        List<EventRow> rest = log.subList(5, log.size());
        assertThat(organizer.push(first)).isEqualTo(10);
        assertThat(organizer.push(rest)).isEqualTo(log.size() - 10);
        assertThat(clientEventIds()).containsExactlyElementsOf(log.stream().map(EventRow::clientEventId).toList());
    }

    @Test
    void push_rallyLevelRowTwiceInOneBatch_storedOnce() throws Exception {
        EventRow created = Events.rallyCreated(rally, organizer.id(), 1L);
        EventRow group = Events.groupCreated(rally, "1st Lakeside", organizer.id(), 2L);
        assertThat(organizer.push(List.of(created, group, group, created))).isEqualTo(2);
        assertThat(clientEventIds()).containsExactly(1L, 2L);
    }

    @Test
    void push_differentEventUnderATakenKey_failsLoudlyInsteadOfVanishing() throws Exception {
        organizer.push(log());
        EventRow otherGroup = Events.groupCreated(rally, "3rd Lakeside", organizer.id(), 1L);
        EventRow otherCar = Events.carArrived(rally, section, "99", organizer.id(), 2L);
        assertRefused("another rally-level event with client_event_id 1", Refusal.UNIQUE_VIOLATION,
                () -> organizer.push(List.of(otherGroup)));
        assertRefused("another section event with client_event_id 2", Refusal.UNIQUE_VIOLATION,
                () -> organizer.push(List.of(otherCar)));
        assertThatThrownBy(() -> organizer.push(List.of(otherCar))).hasMessageContaining("already holds a different event");
        assertThat(clientEventIds()).hasSize(log().size());
    }

    @Test
    void push_strangerReusingATakenKey_learnsNothingButTheRefusal() throws Exception {
        organizer.push(log());
        AsUser stranger = AsUser.signedIn(pg, pg.createUser("stranger@rally.test"), "stranger@rally.test");
        assertRefused("a stranger's copy of a rally-level row", () -> stranger.push(List.of(
                log().get(0).withCreatedBy(stranger.id()))));
        assertRefused("a stranger's different event under a taken key", () -> stranger.push(List.of(
                Events.groupCreated(rally, "4th Lakeside", stranger.id(), 1L))));
    }

    @Test
    void plainInsert_sectionRowTwice_uniqueViolationThatPostgrestReportsAs409() throws Exception {
        EventRow car = Events.carArrived(rally, section, "5", organizer.id(), 3L);
        organizer.push(List.of(Events.rallyCreated(rally, organizer.id(), 1L),
                Events.sectionCreated(rally, section, organizer.id(), 2L), car));
        assertRefused("the same row without ON CONFLICT", Refusal.UNIQUE_VIOLATION,
                () -> organizer.request(c -> AsUser.push(c, List.of(car), false)));
    }

    @Test
    void push_rowsWithoutAClientEventId_neverDeduplicated() throws Exception {
        organizer.push(List.of(Events.rallyCreated(rally, organizer.id(), 1L)));
        EventRow group = Events.groupCreated(rally, "1st Lakeside", organizer.id(), 2L).withClientEventId(null);
        assertThat(organizer.push(List.of(group, group))).isEqualTo(2);
    }

    @Test
    void partialIndex_sessionTheTriggerDoesNotDeduplicate_refusesTheDuplicate() throws Exception {
        organizer.push(List.of(Events.rallyCreated(rally, organizer.id(), 1L),
                Events.groupCreated(rally, "1st Lakeside", organizer.id(), 2L)));
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("insert into public.domain_events "
                    + "(rally_id, section_id, event_type, payload, client_event_id) "
                    + "select rally_id, section_id, event_type, payload, client_event_id from public.domain_events "
                    + "where client_event_id = 2"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining("domain_events_rally_level_key");
        }
    }

    @Test
    void push_twoRacingWithTheSameRallyLevelRow_neverStoresItTwice() throws Exception {
        organizer.push(List.of(Events.rallyCreated(rally, organizer.id(), 1L)));
        EventRow group = Events.groupCreated(rally, "1st Lakeside", organizer.id(), 2L);
        CompletableFuture<Integer> second;
        try (Connection first = pg.admin().getConnection()) {
            first.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.execute("set local role authenticated");
                s.execute("select set_config('request.jwt.claims', '{\"sub\":\"" + organizer.id()
                        + "\",\"role\":\"authenticated\"}', true)");
            }
            assertThat(AsUser.push(first, List.of(group), true)).isEqualTo(1);
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return organizer.push(List.of(group));
                } catch (SQLException e) {
                    return e.getSQLState().equals("23505") ? -1 : -2;
                }
            });
            Await.until("the racing push waits for the first one's row (or has finished)",
                    () -> second.isDone() || waitingForALock() > 0);
            first.commit();
        }
        int outcome = second.get(Await.timeout().toSeconds(), TimeUnit.SECONDS);
        assertThat(outcome).as("the racing push either fails with a unique violation (-1) or stores nothing")
                .isIn(-1, 0);
        assertThat(organizer.push(List.of(group))).as("its retry is skipped").isZero();
        assertThat(clientEventIds()).containsExactly(1L, 2L);
    }

    /** Connections to this database that wait for a lock another transaction holds. */
    private long waitingForALock() throws SQLException {
        try (Connection c = pg.admin().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity"
                     + " where datname = current_database() and wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Long> clientEventIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = pg.admin().getConnection();
             PreparedStatement p = c.prepareStatement(
                     "select client_event_id from public.domain_events where rally_id = ? order by client_event_id")) {
            p.setObject(1, rally);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
