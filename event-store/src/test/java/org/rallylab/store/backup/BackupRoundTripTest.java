package org.rallylab.store.backup;

import org.rallylab.store.Disk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.backup.BackupRallies.CLOUD;
import static org.rallylab.store.backup.BackupRallies.RALLY;
import static org.rallylab.store.backup.BackupRallies.RALLY_NAME;
import static org.rallylab.store.backup.BackupRallies.SECOND_CLOUD;
import static org.rallylab.store.backup.BackupRallies.section;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;

/** A raced rally written to a backup, read back and restored is the same rally, down to its sync marks. */
class BackupRoundTripTest {

    private static final Instant NOON = Instant.parse("2026-02-15T12:00:00.123Z");

    @TempDir
    Path folder;

    private Path stick() throws Exception {
        return Files.createDirectories(folder.resolve("stick"));
    }

    @Test
    void restore_racedRally_sameFoldStandingsSequencesWriterIdMarksAndTargets() throws Exception {
        Path restoredPath = folder.resolve("restored" + RallyFile.EXTENSION);
        try (RallyFile original = BackupRallies.typical(folder.resolve("original" + RallyFile.EXTENSION))) {
            BackupFiles.Written written = BackupFiles.write(original, stick());
            BackupFiles.Restored restored = BackupFiles.restore(written.file(), restoredPath);

            assertThat(restored).isEqualTo(new BackupFiles.Restored(restoredPath, RALLY, RALLY_NAME,
                    (int) original.lastSequence()));
            try (RallyFile copy = RallyFile.openForWriting(restoredPath)) {
                assertThat(copy.verify().problems()).isEmpty();
                RallyState state = original.rebuild();
                assertThat(copy.rebuild()).isEqualTo(state);
                assertThat(standings(copy.rebuild())).isEqualTo(standings(state)).hasSize(3);
                assertThat(copy.sync().writerId()).isEqualTo(original.sync().writerId()).isPositive();
                List<StoredEvent> before = original.readAfter(0, 10_000);
                assertThat(copy.readAfter(0, 10_000)).isEqualTo(before);
                assertThat(copy.sync().readOwnAfter(0, 10_000)).isEqualTo(original.sync().readOwnAfter(0, 10_000))
                        .hasSizeLessThan(before.size())
                        .allSatisfy(e -> assertThat(e.sectionId()).isNotEqualTo(section(2)));
                assertThat(copy.snapshot().remote()).isEqualTo(original.snapshot().remote()).isNotEmpty();
                assertThat(copy.sync().pullCursor(CLOUD)).isEqualTo(copy.snapshot().remote().get(
                        copy.snapshot().remote().size() - 1).serverId());
                assertThat(copy.sync().hasSyncCursor(CLOUD)).isTrue();
                assertThat(copy.sync().hasSyncCursor(SECOND_CLOUD)).isTrue();
                assertThat(copy.sync().syncCursor(CLOUD)).isZero();
            }
        }
    }

    @Test
    void read_givesTheBackupAsWritten() throws Exception {
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        try (RallyFile original = BackupRallies.typical(folder.resolve("original" + RallyFile.EXTENSION))) {
            BackupFiles.Written written = BackupFiles.write(original, stick(), Disk.LOCAL, clock);
            Backup backup = BackupFiles.read(written.file());

            assertThat(written.file()).isEqualTo(stick().resolve(BackupFiles.FILE_NAME));
            assertThat(written.at()).isEqualTo(NOON);
            assertThat(written.events()).isEqualTo(original.lastSequence());
            assertThat(written.bytes()).isEqualTo(Files.size(written.file()));
            assertThat(backup.rallyId()).isEqualTo(RALLY);
            assertThat(backup.rallyName()).isEqualTo(RALLY_NAME);
            assertThat(backup.writtenAt()).isEqualTo(NOON);
            assertThat(backup.writerId()).isEqualTo(original.sync().writerId());
            assertThat(backup.syncTargets()).containsExactly(CLOUD, SECOND_CLOUD);
            assertThat(backup.state()).isEqualTo(original.rebuild());
            List<StoredEvent> stored = original.readAfter(0, 10_000);
            assertThat(backup.events()).extracting(BackupEvent::clientEventId)
                    .isEqualTo(stored.stream().map(StoredEvent::sequence).toList());
            assertThat(backup.domainEvents()).isEqualTo(stored.stream().map(StoredEvent::event).toList());
            assertThat(backup.events()).filteredOn(BackupEvent::pulled)
                    .isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.source()).isEqualTo(CLOUD);
                        assertThat(e.event().sectionId()).isEqualTo(section(2));
                    });
            assertThat(backup.lastEventTime()).contains(Instant.ofEpochMilli(
                    stored.get(stored.size() - 1).timestamp()));
        }
    }

    @Test
    void write_fileIsCompactWithTheSpecKeysAndShaOfTheCompactEvents() throws Exception {
        try (RallyFile original = BackupRallies.typical(folder.resolve("original" + RallyFile.EXTENSION))) {
            Path file = BackupFiles.write(original, stick()).file();
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);

            assertThat(text).startsWith("{\"format\":\"rallylab-backup\",\"version\":1,\"rally_id\":\"" + RALLY
                    + "\",\"rally_name\":\"" + RALLY_NAME + "\",\"written_at\":");
            assertThat(text).doesNotContain("\n").doesNotContain(": ").endsWith("}]}");
            // the definition of the package documentation, with a plain mapper
            ObjectMapper plain = new ObjectMapper();
            JsonNode root = plain.readTree(bytes);
            assertThat(root.get("sha256").asText()).isEqualTo(sha256(plain.writeValueAsBytes(root.get("events"))));
            assertThat(root.get("event_count").asLong()).isEqualTo(original.lastSequence());
            assertThat(root.get("writer_id").asLong()).isEqualTo(original.sync().writerId());
            JsonNode first = root.get("events").get(0);
            List<String> keys = new java.util.ArrayList<>();
            first.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("client_event_id", "type", "timestamp", "payload");
            StoredEvent stored = original.readAfter(0, 1).get(0);
            assertThat(first.get("payload").toString()).isEqualTo(stored.payloadJson());
            JsonNode pulled = null;
            for (JsonNode e : root.get("events")) {
                if (e.has("source")) {
                    pulled = e;
                    break;
                }
            }
            assertThat(pulled).isNotNull();
            assertThat(pulled.get("source").asText()).isEqualTo(CLOUD);
            assertThat(pulled.get("server_id").asLong()).isEqualTo(BackupRallies.FIRST_SERVER_ID);
        }
    }

    @Test
    void write_again_replacesTheBackupWithTheNewestLogAndLeavesNoTemporaryFile() throws Exception {
        try (RallyFile original = BackupRallies.typical(folder.resolve("original" + RallyFile.EXTENSION))) {
            BackupFiles.write(original, stick());
            original.append(BackupRallies.invite(1));
            original.append(BackupRallies.invite(2));
            BackupFiles.Written second = BackupFiles.write(original, stick());

            assertThat(BackupFiles.read(second.file()).events()).hasSize((int) original.lastSequence());
            try (Stream<Path> files = Files.list(stick())) {
                assertThat(files).containsExactly(second.file());
            }
        }
    }

    @Test
    void write_readOnlyOpenRallyFile_backsUpTheSameLog() throws Exception {
        Path path = folder.resolve("original" + RallyFile.EXTENSION);
        BackupRallies.typical(path).close();
        try (RallyFile reader = RallyFile.openReadOnly(path)) {
            BackupFiles.Written written = BackupFiles.write(reader, stick());
            assertThat(BackupFiles.read(written.file()).state()).isEqualTo(reader.rebuild());
        }
    }

    @Test
    void restore_existingTarget_refusedWithoutTouchingIt() throws Exception {
        Path target = folder.resolve("taken" + RallyFile.EXTENSION);
        Files.writeString(target, "not to be touched");
        try (RallyFile original = BackupRallies.typical(folder.resolve("original" + RallyFile.EXTENSION))) {
            Path backup = BackupFiles.write(original, stick()).file();

            assertThatThrownBy(() -> BackupFiles.restore(backup, target))
                    .isInstanceOfSatisfying(RallyFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.ALREADY_EXISTS))
                    .hasMessageContaining("already exists");
            assertThat(Files.readString(target)).isEqualTo("not to be touched");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("taken.rallylab", "original.rallylab", "stick");
        }
    }

    @Test
    void write_rallyFileWithoutEvents_refusedSayingSo() throws Exception {
        try (RallyFile empty = RallyFile.create(folder.resolve("empty" + RallyFile.EXTENSION))) {
            assertThatThrownBy(() -> BackupFiles.write(empty, stick()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("empty.rallylab has no events yet: nothing to back up");
        }
        try (Stream<Path> files = Files.list(stick())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void restore_ownRallyOnly_noMarksAndNoTargets() throws Exception {
        List<DomainEvent> log = BackupRallies.racedRally(1, 4);
        Path restoredPath = folder.resolve("restored" + RallyFile.EXTENSION);
        try (RallyFile original = RallyFile.create(folder.resolve("own" + RallyFile.EXTENSION))) {
            original.append(log);
            BackupFiles.restore(BackupFiles.write(original, stick()).file(), restoredPath);
            try (RallyFile copy = RallyFile.openReadOnly(restoredPath)) {
                assertThat(copy.rebuild()).isEqualTo(RallyState.replay(log));
                assertThat(copy.snapshot().remote()).isEmpty();
                assertThat(copy.snapshot().syncTargets()).isEmpty();
                assertThat(copy.sync().readOwnAfter(0, 10_000)).hasSize(log.size());
                assertThat(copy.sync().writerId()).isEqualTo(original.sync().writerId());
            }
        }
    }

    @Test
    void restore_pulledRunsFromTwoServers_keepEachSource() throws Exception {
        List<DomainEvent> log = BackupRallies.racedRally(2, 4);
        Path restoredPath = folder.resolve("restored" + RallyFile.EXTENSION);
        try (RallyFile original = BackupRallies.rallyFile(folder.resolve("two" + RallyFile.EXTENSION),
                log, Set.of(section(1)))) {
            original.sync().appendFromServer(SECOND_CLOUD, List.of(new org.rallylab.store.RemoteEvent(7,
                    BackupRallies.invite(1))), 9);
            original.append(BackupRallies.invite(2));
            BackupFiles.restore(BackupFiles.write(original, stick()).file(), restoredPath);
            try (RallyFile copy = RallyFile.openReadOnly(restoredPath)) {
                assertThat(copy.snapshot().remote()).isEqualTo(original.snapshot().remote());
                assertThat(copy.sync().readOwnAfter(0, 10_000)).isEqualTo(original.sync().readOwnAfter(0, 10_000));
                assertThat(copy.sync().pullCursor(SECOND_CLOUD)).isEqualTo(7);
                assertThat(copy.verify().problems()).isEmpty();
            }
        }
    }

    private static List<Standings> standings(RallyState state) {
        return state.sections().stream().map(Scoring::standings).toList();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
