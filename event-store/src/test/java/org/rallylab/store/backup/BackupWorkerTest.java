package org.rallylab.store.backup;

import org.rallylab.store.Disk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;

/**
 * The background writer: coalesces requests, goes offline when the stick is pulled and comes back
 * with the whole log when it returns, and leaves no thread behind. Waits poll the status with
 * {@link Await}; nothing is timed.
 */
class BackupWorkerTest {

    private static final Duration QUICK_RETRY = Duration.ofMillis(50);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @AfterEach
    void noWorkerThreadLeft() {
        Await.until("no " + BackupWorker.THREAD_NAME + " thread alive", () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().equals(BackupWorker.THREAD_NAME) && t.isAlive()));
    }

    private static BackupStatus await(BackupWorker worker, String what, Predicate<BackupStatus> wanted) {
        return Await.until(what, worker::status, wanted);
    }

    private static Predicate<BackupStatus> written(long events) {
        return s -> s instanceof BackupStatus.Written w && w.events() == events;
    }

    /** The real disk; the first create waits until {@link #release} (a slow stick), and creates are counted. */
    private static final class SlowDisk implements Disk {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger creates = new AtomicInteger();

        @Override
        public FileChannel create(Path temp) throws IOException {
            if (creates.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    if (!release.await(Await.timeout().toSeconds(), TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the slow stick");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            return LOCAL.create(temp);
        }
    }

    @Test
    void start_writesTheLogAndTellsTheListener() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION));
             BackupWorker worker = new BackupWorker(file, stick, CLOCK)) {
            List<BackupStatus> heard = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            worker.addListener(s -> {
                heard.add(s);
                threads.add(Thread.currentThread().getName());
            });
            assertThat(worker.status()).isEqualTo(new BackupStatus.Idle());
            assertThat(worker.folder()).isEqualTo(stick);
            worker.start();

            await(worker, "the first backup", written(file.lastSequence()));
            assertThat(worker.status()).isEqualTo(new BackupStatus.Written(CLOCK.instant(), file.lastSequence()));
            Await.until("the listener heard it", () -> !heard.isEmpty());
            assertThat(heard).containsExactly(worker.status());
            assertThat(threads).containsOnly(BackupWorker.THREAD_NAME);
            assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events())
                    .hasSize((int) file.lastSequence());
        }
    }

    @Test
    void changed_manyCallsDuringASlowWrite_exactlyOneMoreWriteOfTheNewestLog() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        SlowDisk disk = new SlowDisk();
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION));
             BackupWorker worker = new BackupWorker(file, stick, CLOCK, disk, QUICK_RETRY)) {
            long first = file.lastSequence();
            worker.start();
            assertThat(disk.entered.await(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 50; i++) {
                file.append(BackupRallies.invite(i));
                worker.changed(); // returns at once though the stick is busy
            }
            assertThat(worker.status()).isEqualTo(new BackupStatus.Idle());
            disk.release.countDown();

            await(worker, "the newest log written", written(first + 50));
            assertThat(worker.writeNow().get(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isEqualTo(worker.status());
            assertThat(disk.creates).as("the slow write, one for the 50 changes, one for writeNow").hasValue(3);
            assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events()).hasSize((int) first + 50);
        }
    }

    @Test
    void folderRemoved_offlineWithTheReason_thenWrittenWithTheWholeLogWhenItReturns() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        Path backup = stick.resolve(BackupFiles.FILE_NAME);
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION));
             BackupWorker worker = new BackupWorker(file, stick, CLOCK, Disk.LOCAL, QUICK_RETRY)) {
            worker.start();
            await(worker, "the first backup", written(file.lastSequence()));

            Files.delete(backup);
            Files.delete(stick); // the stick is pulled
            file.append(BackupRallies.invite(1));
            worker.changed();
            BackupStatus offline = await(worker, "offline", s -> s instanceof BackupStatus.Offline);
            assertThat(offline).isEqualTo(new BackupStatus.Offline("the backup folder " + stick + " is gone: insert"
                    + " the stick (or choose another backup folder); the previous backup (if any) is unchanged",
                    CLOCK.instant()));
            file.append(BackupRallies.invite(2)); // racing goes on
            worker.changed();

            Files.createDirectories(stick); // the stick is back; the worker retries by itself
            await(worker, "written again", written(file.lastSequence()));
            Backup back = BackupFiles.read(backup);
            assertThat(back.events()).hasSize((int) file.lastSequence());
            assertThat(back.state()).isEqualTo(file.rebuild());
        }
    }

    @Test
    void close_stopsTheThreadAndLaterRequestsDoNothing() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            BackupWorker worker = new BackupWorker(file, stick, CLOCK);
            worker.start();
            await(worker, "the first backup", written(file.lastSequence()));
            worker.close();

            Await.until("the worker's thread ends", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals(BackupWorker.THREAD_NAME) && t.isAlive()));
            file.append(BackupRallies.invite(1));
            worker.changed();
            assertThat(worker.writeNow()).isCompletedWithValue(worker.status());
            worker.close();
            assertThat(BackupFiles.read(stick.resolve(BackupFiles.FILE_NAME)).events())
                    .hasSize((int) file.lastSequence() - 1);
        }
    }

    @Test
    void close_whileOfflineAndRetrying_stopsRetrying() throws Exception {
        Path pulled = folder.resolve("pulled");
        try (RallyFile file = BackupRallies.typical(folder.resolve("rally" + RallyFile.EXTENSION))) {
            BackupWorker worker = new BackupWorker(file, pulled, CLOCK, Disk.LOCAL, QUICK_RETRY);
            AtomicInteger attempts = new AtomicInteger();
            worker.addListener(s -> attempts.incrementAndGet());
            worker.start();
            Await.until("two attempts, the second a retry", () -> attempts.get() >= 2);
            worker.close();
            int seen = attempts.get();
            Await.until("the worker's thread ends", () -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals(BackupWorker.THREAD_NAME) && t.isAlive()));
            assertThat(attempts.get()).isEqualTo(seen);
            assertThat(worker.status()).isInstanceOf(BackupStatus.Offline.class);
        }
    }

    @Test
    void emptyRallyFile_staysIdleUntilItHasEvents() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        try (RallyFile file = RallyFile.create(folder.resolve("new" + RallyFile.EXTENSION));
             BackupWorker worker = new BackupWorker(file, stick, CLOCK)) {
            worker.start();
            assertThat(worker.writeNow().get(Await.timeout().toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new BackupStatus.Idle());
            file.append(BackupRallies.racedRally(1, 4));
            worker.changed();
            await(worker, "the first backup", written(file.lastSequence()));
        }
    }
}
