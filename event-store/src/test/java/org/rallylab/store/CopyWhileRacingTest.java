package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Issue 11, "a copy of the rally file is empty": a volunteer copies {@code X.rallylab} to a stick
 * in the file manager while the app races. Before, every event sat in {@code -wal} and the copy
 * held none; a stop by SIGTERM left {@code -wal}, {@code -shm} and {@code .lock} behind.
 */
class CopyWhileRacingTest {

    @TempDir
    Path work;

    @Test
    @Timeout(180)
    void plainCopy_takenWhileAnotherProcessAppends_holdsEveryEventAcknowledgedBeforeIt() throws Exception {
        Path rally = Files.createDirectories(work.resolve("rally")).resolve("race" + RallyFile.EXTENSION);
        try (RallyFile created = RallyFile.create(rally)) {
            created.append(RallyLogs.rallyCreated());
        }
        Path copies = Files.createDirectories(work.resolve("stick"));
        try (ChildJvm child = ChildJvm.start(work, "append", rally.toString(), "11")) {
            child.await("committed");
            for (int i = 0; i < 60; i++) {
                long acknowledged = child.lastCommitted();
                Path copy = copies.resolve("copy-" + i + RallyFile.EXTENSION);
                Files.copy(rally, copy);
                try (RallyFile copied = RallyFile.openReadOnly(copy)) {
                    assertThat(copied.lastSequence()).as("copy %d, taken after %d events were acknowledged", i,
                            acknowledged).isGreaterThanOrEqualTo(acknowledged);
                    assertThat(copied.rebuild().eventCount()).isEqualTo(copied.lastSequence());
                }
            }
        }
    }

    @Test
    @Timeout(120)
    void sigterm_whileAnotherProcessHoldsTheFileForWriting_leavesOnlyTheRallyFile() throws Exception {
        Path folder = Files.createDirectories(work.resolve("rally"));
        Path rally = FileFixtures.rallyFile(folder.resolve("race" + RallyFile.EXTENSION), RallyLogs.opening(3));
        try (ChildJvm child = ChildJvm.start(work, "append", rally.toString(), "5")) {
            child.await("committed 12");
            assertThat(FileFixtures.listing(folder)).contains("race.rallylab-wal");
            child.terminate();
        }
        assertThat(FileFixtures.listing(folder)).containsExactly("race" + RallyFile.EXTENSION);
        try (RallyFile log = RallyFile.openReadOnly(rally)) {
            assertThat(log.lastSequence()).isGreaterThanOrEqualTo(12);
            assertThat(log.verify().problems()).isEmpty();
        }
    }

    @Test
    void copyTo_openFile_isAConsistentCopyOfEverythingAcknowledged_andNeverOverwrites() throws Exception {
        Path rally = work.resolve("race" + RallyFile.EXTENSION);
        Path stick = Files.createDirectories(work.resolve("stick"));
        Path copy = stick.resolve("race-copy" + RallyFile.EXTENSION);
        try (RallyFile log = RallyFile.create(rally)) {
            log.append(RallyLogs.rally(2, 6, 3, 21));

            log.copyTo(copy);

            try (RallyFile copied = RallyFile.openReadOnly(copy)) {
                assertThat(copied.lastSequence()).isEqualTo(log.lastSequence());
                assertThat(copied.chainHead()).isEqualTo(log.chainHead());
                assertThat(copied.rebuild()).isEqualTo(log.rebuild());
                assertThat(copied.verify().problems()).isEmpty();
            }
            assertThat(FileFixtures.listing(stick)).containsExactly("race-copy" + RallyFile.EXTENSION);
            String before = FileFixtures.sha256(copy);
            log.append(RallyLogs.carArrived(RallyLogs.sectionId(1), 1, RallyLogs.T0 + 999_999));

            assertThatThrownBy(() -> log.copyTo(copy))
                    .isInstanceOfSatisfying(RallyFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                    .hasMessageContaining("already exists");
            assertThat(FileFixtures.sha256(copy)).isEqualTo(before);
            assertThat(FileFixtures.listing(stick)).containsExactly("race-copy" + RallyFile.EXTENSION);
        }
    }
}
