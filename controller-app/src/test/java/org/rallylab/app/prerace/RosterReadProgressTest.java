package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a roster read tells how far it has come (rows, bytes) and stops at the next row once
 * it is cancelled, for CSV and .xlsx alike; a read waiting for a slow device ends when the file
 * it handed over is closed.
 */
class RosterReadProgressTest {

    @TempDir
    Path folder;

    /** Every update, as rows / bytes / total; cancelled once {@code cancelAtRows} rows were reported. */
    private static final class Recorder implements ReadProgress {
        final List<long[]> updates = new ArrayList<>();
        private final int cancelAtRows;
        private boolean cancelled;

        Recorder(int cancelAtRows) {
            this.cancelAtRows = cancelAtRows;
        }

        @Override
        public void update(int rows, long bytes, long totalBytes) {
            updates.add(new long[] {rows, bytes, totalBytes});
            cancelled = rows >= cancelAtRows;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        long[] last() {
            return updates.get(updates.size() - 1);
        }
    }

    private Path csv(int participants) throws Exception {
        StringBuilder text = new StringBuilder("Name,Car Number\n");
        for (int i = 1; i <= participants; i++) {
            text.append("Driver ").append(i).append(',').append(i).append('\n');
        }
        return Files.writeString(folder.resolve("roster.csv"), text);
    }

    private Path xlsx(int participants) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Name", "Car Number"));
        for (int i = 1; i <= participants; i++) {
            rows.add(Arrays.asList("Driver " + i, i));
        }
        return RosterFiles.xlsx(folder.resolve("roster.xlsx"), 1, rows);
    }

    @Test
    void read_csv_reportsRowsAsTheyComeAndEndsAtTheFileSize() throws Exception {
        Path file = csv(600);
        Recorder progress = new Recorder(Integer.MAX_VALUE);

        assertThat(RosterFile.read(file, progress)).hasSize(600);

        assertThat(progress.updates).extracting(u -> u[0]).isSorted().contains(50L, 300L);
        assertThat(progress.last()).containsExactly(601, Files.size(file), Files.size(file));
    }

    @Test
    void read_xlsx_reportsRowsAndWhatIsUnpacked() throws Exception {
        Path file = xlsx(600);
        Recorder progress = new Recorder(Integer.MAX_VALUE);

        assertThat(RosterFile.read(file, progress)).hasSize(600);

        assertThat(progress.updates).extracting(u -> u[0]).isSorted().contains(50L, 300L);
        long[] last = progress.last();
        assertThat(last[0]).isEqualTo(601);
        assertThat(last[1]).as("unpacked bytes").isPositive().isLessThanOrEqualTo(last[2]);
    }

    @Test
    void read_csvCancelled_stopsAtTheNextRow() throws Exception {
        Path file = csv(900);
        Recorder progress = new Recorder(100);

        assertThatThrownBy(() -> RosterFile.read(file, progress)).isInstanceOf(CancellationException.class);

        assertThat(progress.last()[0]).as("no row read after the cancel").isEqualTo(100);
    }

    @Test
    void read_cancelledWhileWaitingForASlowStick_closingTheFileItWasHandedEndsIt() throws Exception {
        Optional<SlowStick> made = SlowStick.at(folder.resolve("roster.csv"));
        assumeTrue(made.isPresent(), "needs mkfifo: a file that arrives only as fast as the test writes it");
        CountDownLatch arrived = new CountDownLatch(1);
        AtomicReference<Closeable> open = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        ReadProgress progress = new ReadProgress() {
            @Override
            public void update(int rows, long bytes, long totalBytes) {
                if (bytes > 0) {
                    arrived.countDown();
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }

            @Override
            public void opened(Closeable file) {
                open.set(file);
            }
        };
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (SlowStick stick = made.get()) {
            stick.deliver("Name,Car Number\nAva Chen,7\n");
            Future<List<RosterRow>> reading = reader.submit(() -> RosterFile.read(stick.path(), progress));
            assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the first bytes are read").isTrue();

            cancelled.set(true);
            open.get().close(); // the read waits for more: only closing the file ends it

            assertThatThrownBy(() -> reading.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CancellationException.class);
            assertThat(stick.letGo()).as("the file is closed").isTrue();
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void read_xlsxCancelled_stopsAtTheNextRow() throws Exception {
        Path file = xlsx(900);
        Recorder progress = new Recorder(100);

        assertThatThrownBy(() -> RosterFile.read(file, progress)).isInstanceOf(CancellationException.class);

        assertThat(progress.last()[0]).as("no row read after the cancel").isEqualTo(100);
    }
}
