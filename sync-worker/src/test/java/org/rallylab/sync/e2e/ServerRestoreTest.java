package org.rallylab.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.client.EventRow;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.restore.ServerRestore;
import org.rallylab.sync.standin.StandIn;

/**
 * A rally raced on one laptop and pushed is restored on another from the server, over more pages
 * than the server sends at once: the same state and the same standings.
 */
class ServerRestoreTest {

    @TempDir
    Path folder;

    @Test
    void restore_overSeveralCappedPages_equalStateAndStandings() throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        try (StandIn server = StandIn.start(pg, "anon-test-key")) {
            server.maxRows(100);
            String organizer = "organizer@example.org";
            RacedRally rally = RacedRally.raced(600, organizer);
            Path original = rally.write(folder.resolve("original.rallylab"));
            CloudClient client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
            CloudSession session = Sessions.of(server.signIn(organizer));
            push(client, session, original);

            Path restored = folder.resolve("restored.rallylab");
            ServerRestore.Summary summary = ServerRestore.restore(client, session, rally.rallyId, restored);
            assertThat(summary.events()).isEqualTo(rally.events().size()).isGreaterThan(500);
            assertThat(summary.rallyName()).isEqualTo("Cloud Rally");

            RallyState before = RallyState.replay(rally.events());
            RallyState after = RallyState.replay(events(restored));
            assertThat(after).isEqualTo(before);
            for (String section : rally.sections) {
                assertThat(Scoring.standings(after.section(section).orElseThrow()))
                        .isEqualTo(Scoring.standings(before.section(section).orElseThrow()));
            }

            byte[] untouched = Files.readAllBytes(restored);
            assertThatThrownBy(() -> ServerRestore.restore(client, session, rally.rallyId, restored))
                    .isInstanceOf(RallyFileException.class).hasMessageContaining("already exists");
            assertThat(Files.readAllBytes(restored)).isEqualTo(untouched);
        }
    }

    @Test
    void rallies_listedPerUser_onlyThoseTheyHaveARoleIn() throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        try (StandIn server = StandIn.start(pg, "anon-test-key")) {
            CloudClient client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
            CloudSession ava = Sessions.of(server.signIn("ava@example.org"));
            CloudSession ben = Sessions.of(server.signIn("ben@example.org"));
            RacedRally spring = RacedRally.raced(20, "ava@example.org");
            RacedRally autumn = RacedRally.raced(20, "ben@example.org");
            push(client, ava, spring.write(folder.resolve("spring.rallylab")));
            push(client, ben, autumn.write(folder.resolve("autumn.rallylab")));
            assertThat(client.rallies(ava)).extracting(org.rallylab.sync.client.CloudRally::rallyId)
                    .containsExactly(spring.rallyId);
            assertThat(client.rallies(ben)).singleElement().satisfies(r -> {
                assertThat(r.rallyId()).isEqualTo(autumn.rallyId);
                assertThat(r.rallyName()).isEqualTo("Cloud Rally");
                assertThat(r.rallyDate()).isEqualTo("2026-11-22");
            });
            assertThat(client.rallies(Sessions.of(server.signIn("stranger@example.org")))).isEmpty();
        }
    }

    @Test
    void restore_userWithoutARole_refusedAndNoFileIsMade() throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        try (StandIn server = StandIn.start(pg, "anon-test-key")) {
            RacedRally rally = RacedRally.raced(50, "organizer@example.org");
            CloudClient client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
            push(client, Sessions.of(server.signIn("organizer@example.org")), rally.write(folder.resolve("a.rallylab")));
            CloudSession stranger = Sessions.of(server.signIn("stranger@example.org"));
            Path target = folder.resolve("stolen.rallylab");
            assertThatThrownBy(() -> ServerRestore.restore(client, stranger, rally.rallyId, target))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no role");
            assertThat(target).doesNotExist();
        }
    }

    private static void push(CloudClient client, CloudSession session, Path file) throws Exception {
        try (RallyFile open = RallyFile.openReadOnly(file)) {
            long after = 0;
            List<StoredEvent> batch;
            while (!(batch = open.readAfter(after, 500)).isEmpty()) {
                List<EventRow> rows = new ArrayList<>();
                for (StoredEvent e : batch) {
                    rows.add(EventRow.of(e, session.userId()));
                }
                client.push(session, rows);
                after = batch.get(batch.size() - 1).sequence();
            }
        }
    }

    private static List<DomainEvent> events(Path file) throws RallyFileException {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile open = RallyFile.openReadOnly(file)) {
            open.replay(e -> events.add(e.event()));
        }
        return events;
    }
}
