package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Issue 11, "a log that proves it was not changed": {@code verify} said "ok" after single bit flips
 * changed event types, names and times, after a flipped byte of the write-ahead log dropped half
 * the events, and after a crafted file added a trigger that rewrote every race time.
 */
class TamperTest {

    @TempDir
    Path folder;

    /** Every stored event as its row: sequence, type, timestamp, payload. Null when the file cannot be read so. */
    private static List<String> rows(Path file) {
        List<String> rows = new ArrayList<>();
        try (Connection db = FileFixtures.raw(file); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequence, type, timestamp, payload FROM events ORDER BY sequence")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4));
            }
            return rows;
        } catch (Exception unreadable) {
            return null;
        }
    }

    @Test
    void verify_singleBitFlips_neverSaysOkWhenAnEventChanged() throws Exception {
        Path original = FileFixtures.rallyFile(folder.resolve("sound.rallylab"), RallyLogs.rally(1, 6, 3, 11));
        List<String> sound = rows(original);
        byte[] bytes = Files.readAllBytes(original);
        Random random = new Random(48);
        int changed = 0;
        for (int flip = 0; flip < 500; flip++) {
            Path copy = folder.resolve("flip-" + flip + ".rallylab");
            byte[] flipped = bytes.clone();
            int offset = 100 + random.nextInt(bytes.length - 100);
            flipped[offset] ^= (byte) (1 << random.nextInt(8));
            Files.write(copy, flipped);
            List<String> now = rows(copy);
            if (now != null && now.equals(sound)) {
                Files.delete(copy);
                continue; // the flip hit free space, an index or the cursors: no event changed
            }
            changed++;
            IntegrityReport report;
            try {
                report = RallyFile.verify(copy);
            } catch (RallyFileException refused) {
                continue; // not even opened: that is a loud no
            }
            assertThat(report.ok()).as("bit flip at byte %d changed the events, verify must say so", offset).isFalse();
            assertThatThrownBy(() -> RallyFile.openForWriting(copy)).as("bit flip at byte %d", offset)
                    .isInstanceOf(RallyFileException.class);
            Files.delete(copy);
        }
        assertThat(changed).as("flips that changed an event").isGreaterThan(30);
    }

    /** A trigger that rewrites every race time as it is written, disguised under the append-only trigger's name. */
    private static final String REWRITE_TIMES = """
            CREATE TRIGGER events_append_only_update AFTER INSERT ON events WHEN NEW.type = 'RaceCompleted'
            BEGIN UPDATE events SET payload = json_set(payload, '$.times_ms.1', 1) WHERE sequence = NEW.sequence; END""";

    @Test
    void open_fileWithAForeignTrigger_refusedReadOnlyToo_andVerifyNamesIt() throws Exception {
        Path file = FileFixtures.rallyFile(folder.resolve("crafted.rallylab"), RallyLogs.opening(3));
        FileFixtures.sql(file, "DROP TRIGGER events_append_only_update", REWRITE_TIMES);
        String hash = FileFixtures.sha256(file);

        for (ThrowingOpen open : List.<ThrowingOpen>of(RallyFile::openForWriting, RallyFile::openReadOnly,
                RallyFile::openForInspection)) {
            assertThatThrownBy(() -> open.open(file))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                    .hasMessageStartingWith(file + " was changed outside RallyLab: trigger events_append_only_update"
                            + " is not as RallyLab makes it");
        }
        assertThat(RallyFile.verify(file).problems()).singleElement().asString()
                .startsWith("the schema was changed outside RallyLab: trigger events_append_only_update is not as"
                        + " RallyLab makes it");
        assertThat(FileFixtures.sha256(file)).isEqualTo(hash);
    }

    @Test
    void open_fileWithAViewOrAnExtraTrigger_refused() throws Exception {
        Path view = FileFixtures.rallyFile(folder.resolve("view.rallylab"), RallyLogs.opening(2));
        FileFixtures.sql(view, "CREATE VIEW standings AS SELECT * FROM events");
        Path extra = FileFixtures.rallyFile(folder.resolve("extra.rallylab"), RallyLogs.opening(2));
        FileFixtures.sql(extra, "CREATE TRIGGER watch AFTER INSERT ON metadata BEGIN SELECT 1; END");

        assertThatThrownBy(() -> RallyFile.openReadOnly(view)).hasMessageContaining("it holds view standings, which"
                + " RallyLab does not make");
        assertThatThrownBy(() -> RallyFile.openForWriting(extra)).hasMessageContaining("it holds trigger watch, which"
                + " RallyLab does not make");
        assertThat(RallyFile.verify(view).ok()).isFalse();
    }

    /** A read-only open checks the chain in its first full read: state, standings and backups refuse a changed file. */
    @Test
    void readOnly_changedFile_firstFullReadRefusesNamingTheEvent_andNoBackupIsWritten() throws Exception {
        Path file = FileFixtures.rallyFile(folder.resolve("changed.rallylab"), RallyLogs.opening(3));
        FileFixtures.sql(file, "DROP TRIGGER events_append_only_update",
                "UPDATE events SET payload = replace(payload, 'Driver 2', 'Driver Two') WHERE sequence = 3",
                Schema.NO_UPDATE);
        String changed = file + " was changed after it was written: event 3 (RosterLoaded) does not match the hash"
                + " chain";

        try (RallyFile log = RallyFile.openReadOnly(file)) {
            assertThatThrownBy(log::rebuild)
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED))
                    .hasMessageStartingWith(changed);
            Path stick = Files.createDirectories(folder.resolve("stick"));
            assertThatThrownBy(() -> org.rallylab.store.backup.BackupFiles.write(log, stick))
                    .hasMessageContaining(changed);
            assertThat(stick.resolve(org.rallylab.store.backup.BackupFiles.FILE_NAME)).doesNotExist();
        }
        assertThatThrownBy(() -> RallyFile.openForWriting(file))
                .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CHANGED))
                .hasMessageStartingWith(changed);
        try (RallyFile inspected = RallyFile.openForInspection(file)) {
            assertThat(inspected.chainProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("event 3 (RosterLoaded)"));
            assertThat(inspected.rebuild().eventCount()).as("inspection shows what is there").isEqualTo(6);
        }
    }

    @FunctionalInterface
    private interface ThrowingOpen {
        RallyFile open(Path file) throws RallyFileException;
    }

    @Test
    @Timeout(120)
    void walByteFlipped_afterTheWriterWasKilled_noAcknowledgedEventIsLost() throws Exception {
        Path rally = Files.createDirectories(folder.resolve("rally")).resolve("race.rallylab");
        FileFixtures.rallyFile(rally, RallyLogs.opening(4));
        long last;
        try (ChildJvm child = ChildJvm.start(folder, "append-n", rally.toString(), "65")) {
            last = Long.parseLong(child.await("done").substring("done ".length()));
            child.kill();
        }
        Path wal = FileOps.sibling(rally, "-wal");
        assertThat(wal).exists();
        long walSize = Files.size(wal);
        for (int i = 1; i <= 8; i++) {
            Path copy = Files.createDirectories(folder.resolve("copy-" + i)).resolve("race.rallylab");
            Files.copy(rally, copy);
            Path copyWal = Files.copy(wal, FileOps.sibling(copy, "-wal"));
            try (RandomAccessFile raw = new RandomAccessFile(copyWal.toFile(), "rw")) {
                long offset = Math.min(walSize - 1, 32 + (walSize - 32) * i / 9);
                raw.seek(offset);
                int b = raw.read();
                raw.seek(offset);
                raw.write(b ^ 0x10);
            }
            IntegrityReport report = RallyFile.verify(copy);
            try (RallyFile log = RallyFile.openReadOnly(copy)) {
                assertThat(log.lastSequence()).as("flip %d of the WAL", i).isEqualTo(last);
            }
            assertThat(report.problems()).isEmpty();
        }
    }
}
