package org.rallylab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rallylab.store.RallyFile;
import org.rallylab.store.backup.BackupFiles;

/**
 * The USB backup (docs/file-formats.md) of a typical race day (about 500 events), on the local disk: the whole
 * write with its fsyncs, and a restore of that backup into a new rally file.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BackupBenchmarks {

    /** An open rally file of a typical race day and a backup folder beside it. */
    @State(Scope.Benchmark)
    public static class TypicalDay {
        Path folder;
        Path stick;
        RallyFile rally;
        Path backup;

        @Setup(Level.Trial)
        public void write() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench");
            stick = Files.createDirectories(folder.resolve("stick"));
            rally = RallyFile.openForWriting(BenchmarkRallies.write(folder.resolve("typical.rallylab"),
                    BenchmarkRallies.typicalDay()));
            backup = BackupFiles.write(rally, stick).file();
        }

        @TearDown(Level.Trial)
        public void delete() throws Exception {
            rally.close();
            RallyFileBenchmarks.deleteFolder(folder);
        }
    }

    /** Where the restores go: a fresh folder each iteration, a new file name each restore. */
    @State(Scope.Benchmark)
    public static class Restores {
        Path folder;
        int count;

        @Setup(Level.Iteration)
        public void create() throws Exception {
            folder = Files.createTempDirectory("rallylab-bench-restore");
        }

        @TearDown(Level.Iteration)
        public void delete() throws Exception {
            RallyFileBenchmarks.deleteFolder(folder);
        }
    }

    /** BackupFiles.write of about 500 events: snapshot, JSON, temporary file, fsync, rename, folder fsync. */
    @Benchmark
    public Object write500(TypicalDay day) throws Exception {
        return BackupFiles.write(day.rally, day.stick);
    }

    /** BackupFiles.restore of that backup: every check, then a new rally file renamed into place. */
    @Benchmark
    public Object restore500(TypicalDay day, Restores restores) throws Exception {
        return BackupFiles.restore(day.backup, restores.folder.resolve("restored-" + ++restores.count + ".rallylab"));
    }
}
