package org.rallylab.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.rallylab.store.RallyFileException.Reason;

/** File-system steps around rally files: never overwrite, clean up after a failed create, flush a rename. */
final class FileOps {

    /** The files SQLite keeps beside a database while it is open or after a crash. */
    static final List<String> SQLITE_SIDECARS = List.of("-wal", "-shm", "-journal");

    private FileOps() {
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * Refuses a target that exists, or that has SQLite files of an earlier database of the same
     * name beside it: SQLite would apply a stale journal or WAL to the new file.
     */
    static void refuseExisting(Path file) throws RallyFileException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new RallyFileException(Reason.ALREADY_EXISTS, file, file
                    + " already exists: choose another name (a rally file is never overwritten)");
        }
        for (String suffix : SQLITE_SIDECARS) {
            Path leftover = sibling(file, suffix);
            if (Files.exists(leftover, LinkOption.NOFOLLOW_LINKS)) {
                throw new RallyFileException(Reason.ALREADY_EXISTS, file, leftover + " is left over from an earlier "
                        + file.getFileName() + ": move it away or choose another name");
            }
        }
    }

    static void createFolder(Path file) throws RallyFileException {
        Path folder = file.toAbsolutePath().getParent();
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, "cannot create the folder " + folder + " (" + e
                    + "): choose a folder you can write to", e);
        }
    }

    static void createEmpty(Path file) throws RallyFileException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new RallyFileException(Reason.ALREADY_EXISTS, file, file
                    + " already exists: choose another name (a rally file is never overwritten)", e);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, "cannot create " + file + " (" + e
                    + "): choose a folder you can write to", e);
        }
    }

    /** Deletes a database this code created and the SQLite files beside it; best effort. */
    static void deleteWithSidecars(Path file) {
        for (String suffix : SQLITE_SIDECARS) {
            deleteQuietly(sibling(file, suffix));
        }
        deleteQuietly(file);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            // cleanup after another failure: that failure is the one reported
        }
    }

    /** Forces a file's content to the disk. */
    static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a folder's entries (a rename) to the disk where the platform allows it (not on Windows). */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a file; NTFS journals the rename itself
        }
    }

    /**
     * Puts a finished temporary rally file in place: flushed to the disk, renamed atomically to
     * {@code target} (never over an existing file), the folder flushed. So the rally file appears
     * complete or not at all.
     */
    static void moveIntoPlace(Path temp, Path target) throws RallyFileException {
        for (String suffix : SQLITE_SIDECARS) {
            if (Files.exists(sibling(temp, suffix))) {
                throw new RallyFileException(Reason.IO, target, "cannot finish " + target + ": SQLite left "
                        + sibling(temp, suffix).getFileName() + " behind; nothing was created, try again");
            }
        }
        try {
            sync(temp);
            refuseExisting(target);
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, target, "cannot create " + target + " (" + e
                    + "): nothing was created; choose a folder you can write to", e);
        }
        syncFolder(target.toAbsolutePath().getParent());
    }
}
