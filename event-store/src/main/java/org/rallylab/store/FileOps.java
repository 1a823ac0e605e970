package org.rallylab.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.rallylab.store.RallyFileException.Reason;

/** File-system steps around rally files: never overwrite, clean up after a failed create, tell a full disk. */
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

    /**
     * Whether the disk holding {@code file} is full: under 1 MiB left for this user (a rally file
     * grows by a few kB per heat; SQLite asks for more in 32 kB steps).
     */
    static boolean diskFull(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return Files.getFileStore(folder).getUsableSpace() < FULL_BELOW_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static final long FULL_BELOW_BYTES = 1 << 20;
}
