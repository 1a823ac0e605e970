package org.rallylab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Reading a rally file that cannot be written: on a write-protected USB stick, in a read-only
 * folder, or a file marked read-only. SQLite would need to create {@code -shm} and {@code -wal}
 * files beside it (it cannot on such media, and beside a read-only file it would leave them
 * behind, in the way of the next writer). So the file, with its {@code -wal} when there is one,
 * is copied to a private folder in the system's temporary folder and read there; nothing is
 * ever created beside the original. {@link #close()} deletes the copy.
 */
final class ReadCopy implements AutoCloseable {

    private final Path folder;
    private final Path copy;

    private ReadCopy(Path folder, Path copy) {
        this.folder = folder;
        this.copy = copy;
    }

    /** Whether {@code file} must be read through a copy: it, or its folder, cannot be written. */
    static boolean needed(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return !Files.isWritable(file) || parent == null || !Files.isWritable(parent);
    }

    /** Copies {@code file} (and its {@code -wal}) to a new private folder. */
    static ReadCopy of(Path file) throws RallyFileException {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("rallylab-read-");
            Path copy = folder.resolve("copy" + RallyFile.EXTENSION);
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
            copy.toFile().setWritable(true, true);
            Path wal = FileOps.sibling(file, "-wal");
            if (Files.isRegularFile(wal)) {
                Path walCopy = FileOps.sibling(copy, "-wal");
                Files.copy(wal, walCopy);
                walCopy.toFile().setWritable(true, true);
            }
            return new ReadCopy(folder, copy);
        } catch (IOException e) {
            delete(folder);
            throw new RallyFileException(Reason.IO, file, "cannot read " + file + " (" + e.getMessage()
                    + "): check that the disk or USB stick is still there", e);
        }
    }

    /** The copy to open with SQLite. */
    Path copy() {
        return copy;
    }

    @Override
    public void close() {
        delete(folder);
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(FileOps::deleteQuietly);
        } catch (IOException e) {
            // a leftover in the temporary folder is harmless: the system clears it
        }
    }
}
