package org.rallylab.store.backup;

import org.rallylab.store.Disk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFile;

/** A stick pulled, full or read-only at any step of a write leaves the previous complete backup. */
class BackupWriteFailureTest {

    @TempDir
    Path folder;

    private static List<Path> files(Path stick) throws IOException {
        try (Stream<Path> files = Files.list(stick)) {
            return files.toList();
        }
    }

    private static BackupFiles.Written write(RallyFile file, Path stick, Disk disk) throws IOException {
        return BackupFiles.write(file, stick, disk, Clock.systemUTC());
    }

    @Test
    void write_failingAtEveryStep_previousBackupKeptNoTemporaryFileAndNextWriteSucceeds() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        Path backup = stick.resolve(BackupFiles.FILE_NAME);
        try (RallyFile file = BackupRallies.rallyFile(folder.resolve("rally" + RallyFile.EXTENSION),
                BackupRallies.racedRally(5, 20), Set.of(BackupRallies.section(3)))) {
            long events = write(file, stick, Disk.LOCAL).events();
            FailingDisk counting = FailingDisk.recording();
            write(file, stick, counting);
            List<String> steps = counting.steps;
            assertThat(steps).as("a backup of several chunks").startsWith("create", "write", "write")
                    .endsWith("force", "move", "sync folder");

            for (int failAt = 1; failAt <= steps.size(); failAt++) {
                file.append(BackupRallies.invite(failAt));
                String step = steps.get(failAt - 1);
                FailingDisk disk = new FailingDisk(failAt, new NoSuchFileException(stick + "/x",
                        null, "the stick was pulled"));
                assertThatThrownBy(() -> write(file, stick, disk))
                        .as("failing at step %d (%s)", failAt, step)
                        .isInstanceOf(IOException.class)
                        .hasMessageStartingWith("the backup folder " + stick + " is gone: insert the stick");
                boolean renamed = step.equals("sync folder");
                long expected = renamed ? file.lastSequence() : events;
                assertThat(BackupFiles.read(backup).events()).as("after a failure at %s", step).hasSize((int) expected);
                assertThat(files(stick)).as("after a failure at %s", step).containsExactly(backup);

                BackupFiles.Written next = write(file, stick, Disk.LOCAL);
                events = next.events();
                assertThat(events).isEqualTo(file.lastSequence());
                assertThat(BackupFiles.read(backup).events()).hasSize((int) events);
            }
        }
    }

    @Test
    void write_missingFolder_ioExceptionSaysInsertTheStick() throws Exception {
        Path stick = folder.resolve("pulled");
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            assertThatThrownBy(() -> BackupFiles.write(file, stick))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the backup folder " + stick + " is gone: insert the stick (or choose another backup"
                            + " folder); the previous backup (if any) is unchanged");
        }
        assertThat(stick).doesNotExist();
    }

    @Test
    void write_folderRemovedAfterTheFirstBackup_sameMessage() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            BackupFiles.write(file, stick);
            Files.delete(stick.resolve(BackupFiles.FILE_NAME));
            Files.delete(stick);
            assertThatThrownBy(() -> BackupFiles.write(file, stick))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("is gone: insert the stick");
        }
    }

    @Test
    void write_readOnlyFolder_ioExceptionSaysReadOnly() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("locked"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            BackupFiles.write(file, stick);
            Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                assumeFalse(Files.isWritable(stick), "root writes into read-only folders: seen through the seam below");
                file.append(BackupRallies.invite(1));
                assertThatThrownBy(() -> BackupFiles.write(file, stick))
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("is read-only");
                assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events())
                        .hasSize((int) file.lastSequence() - 1);
            } finally {
                Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    @Test
    void write_readOnlyStick_messageSaysUnlockIt() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            FailingDisk disk = new FailingDisk(1, new FileSystemException(stick + "/x", null, "Read-only file system"));
            assertThatThrownBy(() -> write(file, stick, disk))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the backup folder " + stick + " is read-only: unlock the stick");
            FailingDisk denied = new FailingDisk(1, new java.nio.file.AccessDeniedException(stick + "/x"));
            assertThatThrownBy(() -> write(file, stick, denied))
                    .hasMessageStartingWith("the backup folder " + stick + " is read-only for RallyLab");
        }
        assertThat(files(stick)).isEmpty();
    }

    @Test
    void write_fullStick_messageSaysFreeSomeSpaceAndKeepsThePreviousBackup() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            BackupFiles.write(file, stick);
            long before = file.lastSequence();
            file.append(BackupRallies.invite(1));
            FailingDisk disk = new FailingDisk(2, new IOException("No space left on device"));
            assertThatThrownBy(() -> write(file, stick, disk))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the backup folder " + stick + " is full: free some space on the stick or choose"
                            + " another folder; the previous backup (if any) is unchanged");
            assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events()).hasSize((int) before);
            assertThat(files(stick)).containsExactly(stick.resolve(BackupFiles.FILE_NAME));
        }
    }

    @Test
    void write_folderSyncFails_newBackupInPlaceAndTheMessageSaysItWillBeWrittenAgain() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            FailingDisk counting = FailingDisk.recording();
            write(file, stick, counting);
            FailingDisk disk = new FailingDisk(counting.steps.size(), new IOException("Input/output error"));
            assertThatThrownBy(() -> write(file, stick, disk))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Input/output error")
                    .hasMessageEndingWith("the new backup is in place but may not have reached the stick, so it will"
                            + " be written again");
            assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events())
                    .hasSize((int) file.lastSequence());
        }
    }

    @Test
    void aTemporaryFileLeftByAPulledStick_isRemovedByTheNextGoodWrite() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("leftovers"));
        Path leftover = Files.writeString(stick.resolve(".rallylab-backup-0123456789abcdef.tmp"), "{\"format\":\"rall");
        try (RallyFile file = BackupRallies.typical(folder.resolve("leftovers" + RallyFile.EXTENSION))) {
            BackupFiles.write(file, stick);
        }
        assertThat(leftover).doesNotExist();
        try (var files = Files.list(stick)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(BackupFiles.FILE_NAME);
        }
    }

    @Test
    void theBackupOfAnotherRally_isNeverReplaced() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("shared-stick"));
        Path backup = stick.resolve(BackupFiles.FILE_NAME);
        try (RallyFile first = BackupRallies.typical(folder.resolve("first" + RallyFile.EXTENSION))) {
            BackupFiles.write(first, stick);
        }
        byte[] kept = Files.readAllBytes(backup);
        String firstRally = BackupFiles.read(backup).rallyId();
        String firstName = BackupFiles.read(backup).rallyName();
        try (RallyFile other = RallyFile.create(folder.resolve("other" + RallyFile.EXTENSION))) {
            other.append(List.of(new org.rallylab.domain.event.RallyCreated(1_708_000_000_000L,
                    "0b5f3c1e-9a8d-4e7f-8c6b-5a4d3c2b1a09", "Another Rally", "2026-03-01", "o@example.org",
                    org.rallylab.domain.event.Extras.NONE)));
            assertThatThrownBy(() -> BackupFiles.write(other, stick)).isInstanceOf(IOException.class)
                    .hasMessageContaining("is the backup of \"" + firstName + "\", another rally: it was kept")
                    .as("issue 12: no raw ids in messages").hasMessageNotContaining(firstRally);
        }
        assertThat(Files.readAllBytes(backup)).isEqualTo(kept);
        try (var files = Files.list(stick)) {
            assertThat(files).containsExactly(backup);
        }
    }
}
