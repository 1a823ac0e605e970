package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/** Says in plain words why a backup could not be written, and what to do about it. */
final class DiskTrouble {

    private DiskTrouble() {
    }

    /**
     * The exception to throw for {@code failure} while writing into {@code folder};
     * {@code renamed}: the new backup had already replaced the old one.
     */
    static IOException explain(Path folder, Throwable failure, boolean renamed) {
        String kept = renamed
                ? "; the new backup is in place but may not have reached the stick, so it will be written again"
                : "; the previous backup (if any) is unchanged";
        return new IOException(what(folder, failure) + kept, failure);
    }

    /** The folder is not there (the stick was pulled, or the folder was removed). */
    static IOException gone(Path folder) {
        return new IOException(goneMessage(folder) + "; the previous backup (if any) is unchanged");
    }

    private static String what(Path folder, Throwable failure) {
        String text = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(folder) || failure instanceof NoSuchFileException) {
            return goneMessage(folder);
        }
        if (failure instanceof ReadOnlyFileSystemException || text.contains("read-only file system")) {
            return "the backup folder " + folder + " is read-only: unlock the stick (its write-protect switch)"
                    + " or choose another folder";
        }
        if (failure instanceof AccessDeniedException || text.contains("permission denied")
                || text.contains("access is denied")) {
            return "the backup folder " + folder + " is read-only for RallyLab (permission denied): choose a folder"
                    + " you can write to";
        }
        if (text.contains("no space left") || text.contains("not enough space") || text.contains("disk full")
                || text.contains("quota")) {
            return "the backup folder " + folder + " is full: free some space on the stick or choose another folder";
        }
        return "cannot write the backup in " + folder + " (" + failure + "): check the stick, or choose another"
                + " folder";
    }

    private static String goneMessage(Path folder) {
        return "the backup folder " + folder + " is gone: insert the stick (or choose another backup folder)";
    }
}
