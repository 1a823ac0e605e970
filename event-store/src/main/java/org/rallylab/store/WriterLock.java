package org.rallylab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rallylab.store.RallyFileException.Reason;

/**
 * The one-writer rule: an exclusive OS lock on the sidecar file {@code <file>.lock}, held while
 * the rally file is open for writing. The OS drops it when the process dies, so a crash never
 * leaves the file locked.
 *
 * <p>Why a sidecar and not the database file: POSIX record locks belong to the process, and
 * closing <em>any</em> descriptor of a file drops all of the process's locks on it, SQLite's
 * own included. For the same reason this JVM never opens a second channel on a lock file it
 * holds: openers in this process are refused by {@link #HELD} before touching the file.
 *
 * <p>The lock file is deleted on a clean close. An opener that locked a file which was just
 * deleted by the previous holder sees that it is gone and tries again on the new one.
 */
final class WriterLock implements AutoCloseable {

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 3;

    private final Path key;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path key, Path lockFile, FileChannel channel, FileLock lock) {
        this.key = key;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** Takes the writer lock of {@code file} (which need not exist yet), or says who has it. */
    static WriterLock acquire(Path file) throws RallyFileException {
        Path key = key(file);
        if (!HELD.add(key)) {
            throw locked(file);
        }
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                WriterLock taken = tryOnce(file, key);
                if (taken != null) {
                    return taken;
                }
            }
            throw locked(file);
        } catch (RallyFileException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** The lock, or null when the lock file vanished under us (its holder closed): try again. */
    private static WriterLock tryOnce(Path file, Path key) throws RallyFileException {
        Path lockFile = lockFileOf(key);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw locked(file);
            }
            if (!Files.exists(lockFile)) {
                lock.release();
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("RallyLab has " + file.getFileName() + " open for writing (process "
                    + ProcessHandle.current().pid() + ")\n").getBytes(StandardCharsets.UTF_8)));
            return new WriterLock(key, lockFile, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw locked(file);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RallyFileException(Reason.IO, file, "cannot take the writer lock " + lockFile + " ("
                    + e.getMessage() + "): check that the folder can be written, or open " + file + " read-only", e);
        }
    }

    /** Drops the lock and deletes the lock file. Calling it twice is harmless. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException | SecurityException e) {
            // an empty, unlocked lock file left behind is harmless: the next opener locks it
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
        HELD.remove(key);
    }

    static RallyFileException locked(Path file) {
        return new RallyFileException(Reason.LOCKED, file, file + " is open for racing in another RallyLab window"
                + " or program; close it there, or open this file read-only");
    }

    /**
     * One key (and one lock file, beside it) per file however it is named: its real path with
     * links resolved, or for a file not created yet the real path of its folder plus its name.
     */
    private static Path key(Path file) throws RallyFileException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new RallyFileException(Reason.MISSING, file, "the folder of " + file + " does not exist ("
                    + e.getMessage() + "): check the path, or plug the USB stick back in", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do: the lock, if any, goes with the channel
            }
        }
    }
}
