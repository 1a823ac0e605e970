package org.rallylab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.rallylab.store.RallyFileException.Reason;

/**
 * This process's one channel on a rally file, shared by every {@link RallyFile} open on it, and
 * the one-writer lock, which belongs to the file itself: an exclusive OS lock on a byte far beyond
 * the end of the file (one SQLite never touches), so a second writer is refused through any path
 * that reaches the same file, a hard link included, and the OS drops the lock when the process
 * dies. No lock file is left beside the rally file.
 *
 * <p>Why one shared channel: POSIX record locks belong to the process, and closing <em>any</em>
 * descriptor of a file drops all of the process's locks on it, SQLite's own included. So this
 * process reads a rally file's first bytes through this channel ({@link #read}) rather than a new
 * stream, and closes the channel only when the last {@link RallyFile} on the file has closed its
 * SQLite connection. (SQLite keeps its own descriptors open while it holds locks; an idle
 * connection in WAL mode holds one.)
 *
 * <p>Files are told apart by their identity (device and inode where the platform has them, else
 * the real path), not by the name they were opened under.
 */
final class FileHandle implements AutoCloseable {

    /** The byte locked for writing: far beyond any rally file, and outside SQLite's lock bytes. */
    static final long LOCK_BYTE = Long.MAX_VALUE - 1;

    private static final Map<Object, Shared> OPEN = new HashMap<>();

    private final Path file;
    private final Shared shared;
    private boolean writer;
    private boolean closed;

    private FileHandle(Path file, Shared shared) {
        this.file = file;
        this.shared = shared;
    }

    /** The channel and lock of one file, shared by the handles on it. */
    private static final class Shared {
        final Object key;
        final FileChannel channel;
        final boolean writable;
        int users;
        FileLock lock;

        Shared(Object key, FileChannel channel, boolean writable) {
            this.key = key;
            this.channel = channel;
            this.writable = writable;
        }
    }

    /** A handle on an existing file (not a folder). */
    static FileHandle open(Path file) throws RallyFileException {
        Object key = identity(file);
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared == null) {
                shared = openChannel(file, key);
                OPEN.put(key, shared);
            }
            shared.users++;
            return new FileHandle(file, shared);
        }
    }

    /**
     * Creates {@code file} (which must not exist: never overwritten) and returns a handle on it
     * holding the writer lock.
     */
    static FileHandle create(Path file) throws RallyFileException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new RallyFileException(Reason.ALREADY_EXISTS, file, file
                    + " already exists: choose another name (a rally file is never overwritten)", e);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, "cannot create " + file + " (" + e
                    + "): choose a folder you can write to", e);
        }
        FileHandle handle;
        try {
            Object key = identity(file);
            synchronized (OPEN) {
                Shared shared = new Shared(key, channel, true);
                shared.users = 1;
                OPEN.put(key, shared);
                handle = new FileHandle(file, shared);
            }
        } catch (RallyFileException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        try {
            handle.lockForWriting();
        } catch (RallyFileException | RuntimeException e) {
            handle.close();
            throw e;
        }
        return handle;
    }

    /** Reads up to {@code buffer.remaining()} bytes from {@code position}; returns how many. */
    int read(ByteBuffer buffer, long position) throws IOException {
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = shared.channel.read(buffer, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** Takes the writer lock, or says that another window or program has the file open for writing. */
    void lockForWriting() throws RallyFileException {
        synchronized (OPEN) {
            if (writer) {
                return;
            }
            if (shared.lock != null) {
                throw locked(file);
            }
            if (!shared.writable) {
                throw new RallyFileException(Reason.IO, file, file + " cannot be written (it is read-only on the"
                        + " disk or USB stick): copy it to a folder you can write to, or open it read-only");
            }
            try {
                FileLock lock = shared.channel.tryLock(LOCK_BYTE, 1, false);
                if (lock == null) {
                    throw locked(file);
                }
                shared.lock = lock;
                writer = true;
            } catch (OverlappingFileLockException e) {
                throw locked(file);
            } catch (IOException e) {
                throw new RallyFileException(Reason.IO, file, "cannot take the writer lock of " + file + " ("
                        + e.getMessage() + "): check that the file can be written, or open it read-only", e);
            }
        }
    }

    boolean isWriter() {
        return writer;
    }

    /**
     * Releases this handle (and the writer lock, if it holds it). The channel closes with the last
     * handle on the file: call this only after this handle's SQLite connection is closed.
     */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (writer) {
                writer = false;
                try {
                    shared.lock.release();
                } catch (IOException e) {
                    // closing the channel releases it too
                }
                shared.lock = null;
            }
            if (--shared.users == 0) {
                OPEN.remove(shared.key);
                closeQuietly(shared.channel);
            }
        }
    }

    static RallyFileException locked(Path file) {
        return new RallyFileException(Reason.LOCKED, file, file + " is open for racing in another RallyLab window"
                + " or program; close it there, or open this file read-only");
    }

    /** What tells this file apart from every other: device and inode, or the real path where there are none. */
    private static Object identity(Path file) throws RallyFileException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (NoSuchFileException e) {
            throw FileHeader.missing(file);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, file + " cannot be read (" + e.getMessage()
                    + "): check that the disk or USB stick is still there", e);
        }
    }

    private static Shared openChannel(Path file, Object key) throws RallyFileException {
        boolean writable = Files.isWritable(file);
        try {
            FileChannel channel = writable
                    ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(file, StandardOpenOption.READ);
            return new Shared(key, channel, writable);
        } catch (NoSuchFileException e) {
            throw FileHeader.missing(file);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, file + " cannot be read (" + e.getMessage()
                    + "): check that the disk or USB stick is still there", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the descriptor is gone either way
        }
    }
}
