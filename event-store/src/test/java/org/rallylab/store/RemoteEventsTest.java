package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.FileFixtures.raw;
import static org.rallylab.store.RallyLogs.SECTION;
import static org.rallylab.store.RallyLogs.T0;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;

/** Events pulled from a server: kept apart from this laptop's own, never pushed back, pulled once. */
class RemoteEventsTest {

    private static final String CLOUD = "supabase:https://example.supabase.co";

    @TempDir
    Path folder;

    private RallyFile opened() throws RallyFileException {
        RallyFile file = RallyFile.create(folder.resolve("rally" + RallyFile.EXTENSION));
        file.append(List.of(RallyLogs.rallyCreated(), RallyLogs.sectionCreated(SECTION, "Kub Kars"),
                RallyLogs.rosterLoaded(SECTION, 3))); // 3 events, nobody arrived yet
        return file;
    }

    private static RemoteEvent remote(long serverId, DomainEvent event) {
        return new RemoteEvent(serverId, event);
    }

    @Test
    void create_givesEachFileItsOwnWriterId() throws Exception {
        try (RallyFile a = RallyFile.create(folder.resolve("a.rallylab"));
             RallyFile b = RallyFile.create(folder.resolve("b.rallylab"))) {
            assertThat(a.sync().writerId()).isBetween(1L, 1L << 30);
            assertThat(b.sync().writerId()).isBetween(1L, 1L << 30).isNotEqualTo(a.sync().writerId());
        }
    }

    @Test
    void writerId_survivesReopening() throws Exception {
        Path path = folder.resolve("a.rallylab");
        long id;
        try (RallyFile a = RallyFile.create(path)) {
            id = a.sync().writerId();
        }
        try (RallyFile again = RallyFile.openForWriting(path); RallyFile reader = RallyFile.openReadOnly(path)) {
            assertThat(again.sync().writerId()).isEqualTo(id);
            assertThat(reader.sync().writerId()).isEqualTo(id);
        }
    }

    @Test
    void appendFromServer_eventsAreFoldedButNotOwn() throws Exception {
        try (RallyFile file = opened()) {
            List<StoredEvent> stored = file.sync().appendFromServer(CLOUD, List.of(
                    remote(40, RallyLogs.carArrived(SECTION, 1, T0 + 10)),
                    remote(41, RallyLogs.carArrived(SECTION, 2, T0 + 11))), 41);
            file.append(RallyLogs.carArrived(SECTION, 3, T0 + 12));

            assertThat(stored).extracting(StoredEvent::sequence).containsExactly(4L, 5L);
            assertThat(file.lastSequence()).isEqualTo(6);
            assertThat(file.rebuild().section(SECTION).orElseThrow().arrivedCars()).hasSize(3);
            assertThat(file.sync().readOwnAfter(0, 100)).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L, 6L);
            assertThat(file.sync().readOwnAfter(3, 1)).extracting(StoredEvent::sequence).containsExactly(6L);
            assertThat(file.sync().countOwnAfter(0)).isEqualTo(4);
            assertThat(file.sync().countOwnAfter(3)).isEqualTo(1);
            assertThat(file.sync().countOwnAfter(6)).isZero();
            assertThat(file.sync().pullCursor(CLOUD)).isEqualTo(41);
            assertThat(file.sync().pullCursor("supabase:https://other.example")).isZero();
            assertThat(file.verify().problems()).isEmpty();
        }
    }

    @Test
    void appendFromServer_theSamePageTwice_appendsItOnce() throws Exception {
        try (RallyFile file = opened()) {
            List<RemoteEvent> page = List.of(remote(7, RallyLogs.carArrived(SECTION, 1, T0 + 10)));
            assertThat(file.sync().appendFromServer(CLOUD, page, 7)).hasSize(1);
            assertThat(file.sync().appendFromServer(CLOUD, page, 7)).isEmpty();
            assertThat(file.lastSequence()).isEqualTo(4);
        }
    }

    @Test
    void appendFromServer_nothingNew_stillMovesThePullCursorForward_only() throws Exception {
        try (RallyFile file = opened()) {
            file.sync().appendFromServer(CLOUD, List.of(), 90);
            file.sync().appendFromServer(CLOUD, List.of(), 12);
            assertThat(file.sync().pullCursor(CLOUD)).isEqualTo(90);
            assertThat(file.lastSequence()).isEqualTo(3);
        }
    }

    @Test
    void appendFromServer_anotherRallysEvent_refusedAndNothingWritten() throws Exception {
        try (RallyFile file = opened()) {
            DomainEvent foreign = new org.rallylab.domain.event.CarArrived(T0, RallyLogs.OTHER_RALLY, SECTION, "1",
                    org.rallylab.domain.event.Extras.NONE);
            assertThatThrownBy(() -> file.sync().appendFromServer(CLOUD, List.of(remote(3, foreign)), 3))
                    .isInstanceOf(RallyFileException.class)
                    .hasMessageContaining(RallyLogs.OTHER_RALLY);
            assertThat(file.lastSequence()).isEqualTo(3);
            assertThat(file.sync().pullCursor(CLOUD)).isZero();
        }
    }

    @Test
    void remoteEvents_areAppendOnly() throws Exception {
        Path path;
        try (RallyFile file = opened()) {
            path = file.path();
            file.sync().appendFromServer(CLOUD, List.of(remote(5, RallyLogs.carArrived(SECTION, 1, T0))), 5);
        }
        try (Connection db = raw(path); Statement s = db.createStatement()) {
            assertThatThrownBy(() -> s.execute("DELETE FROM remote_events")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("UPDATE remote_events SET server_id = 6"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void readOnlyFile_refusesAppendFromServer() throws Exception {
        Path path;
        try (RallyFile file = opened()) {
            path = file.path();
        }
        try (RallyFile reader = RallyFile.openReadOnly(path)) {
            assertThatThrownBy(() -> reader.sync().appendFromServer(CLOUD, List.of(), 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }
}
