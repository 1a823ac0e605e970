package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;

/**
 * Issue 11: version 4 chains every event to the one before by its hash. A version 3 file is
 * brought to version 4 in one transaction, its events chained as they are; a migration that
 * fails half-way leaves the version 3 file as it was, byte for byte.
 */
class ChainMigrationTest {

    @TempDir
    Path folder;

    /** A version 3 file as RallyLab made it before chains (Schema's steps 1 to 3, the same SQL), holding {@code events}. */
    private Path version3(List<DomainEvent> events) throws Exception {
        Path file = folder.resolve("v3.rallylab");
        try (Connection db = FileFixtures.raw(file); Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            Schema.upgrade(db, s, 0, 3);
            s.execute("INSERT OR REPLACE INTO metadata VALUES ('schema_version', '3'), ('created_at', '2026-11-20T18:00:00Z'),"
                    + " ('created_by_app', 'RallyLab 0.1.0'), ('rally_id', '" + RallyLogs.RALLY + "'),"
                    + " ('writer_id', '4242')");
            s.execute("PRAGMA user_version = 3");
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            FileFixtures.insertRows(db, events);
        }
        return file;
    }

    @Test
    void openForWriting_version3File_chainsEveryEventInOneStep() throws Exception {
        List<DomainEvent> events = RallyLogs.rally(1, 5, 3, 7);
        Path file = version3(events);
        try (RallyFile v3 = RallyFile.openReadOnly(file)) {
            assertThat(v3.schemaVersion()).isEqualTo(3);
        }

        try (RallyFile log = RallyFile.openForWriting(file)) {
            assertThat(log.schemaVersion()).isEqualTo(4);
            assertThat(log.sync().writerId()).isEqualTo(4242);
            EventChain expected = new EventChain();
            for (DomainEvent e : events) {
                expected.add(e.type(), e.timestamp(), EventJson.payload(e).toString());
            }
            assertThat(log.chainHead()).isEqualTo(expected.headHex());
            log.append(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 9_999_999));
            assertThat(log.verify().problems()).isEmpty();
        }
        assertThat(FileFixtures.headerInt(file, 60)).isEqualTo(4);
        assertThat(RallyFile.verify(file).ok()).isTrue();
    }

    @Test
    void openForWriting_chainingFailsHalfWay_leavesTheVersion3FileIntact() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(3);
        Path file = version3(events);
        try (RallyFile closeTheWal = RallyFile.openReadOnly(file)) {
            assertThat(closeTheWal.lastSequence()).isEqualTo(events.size());
        }
        String hash = FileFixtures.sha256(file);
        Schema.afterStep = version -> {
            if (version == 4) {
                throw new java.sql.SQLException("injected: the disk gave out while chaining");
            }
        };
        try {
            assertThatThrownBy(() -> RallyFile.openForWriting(file))
                    .isInstanceOf(RallyFileException.class)
                    .hasMessageStartingWith("cannot update " + file + " from schema 3 to 4 (")
                    .hasMessageContaining("the file was left as it was");
        } finally {
            Schema.afterStep = null;
        }
        assertThat(FileFixtures.sha256(file)).isEqualTo(hash);
        assertThat(FileFixtures.listing(folder)).containsExactly("v3.rallylab");
        try (RallyFile v3 = RallyFile.openReadOnly(file)) {
            assertThat(v3.schemaVersion()).isEqualTo(3);
            List<DomainEvent> replayed = new ArrayList<>();
            v3.replay(e -> replayed.add(e.event()));
            assertThat(replayed).isEqualTo(events);
        }
    }
}
