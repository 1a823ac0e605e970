package org.rallylab.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes the rally files still open (for writing or to read) when the program is asked to stop
 * (SIGTERM, a shutdown, Ctrl-C), so a stop that is not a crash leaves only the {@code .rallylab}
 * file: SQLite folds its write-ahead log in and removes {@code -wal} and {@code -shm}. An append in progress
 * finishes first (closing takes the file's lock). A crash or {@code kill -9} cannot be caught; the
 * next open recovers the log, as always.
 */
final class CloseAtExit {

    private static final Set<RallyFile> OPEN = new LinkedHashSet<>();
    private static boolean hooked;

    private CloseAtExit() {
    }

    static synchronized void register(RallyFile file) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(CloseAtExit::closeAll, "rallylab-close-at-exit"));
            hooked = true;
        }
        OPEN.add(file);
    }

    static synchronized void unregister(RallyFile file) {
        OPEN.remove(file);
    }

    private static void closeAll() {
        List<RallyFile> open;
        synchronized (CloseAtExit.class) {
            open = new ArrayList<>(OPEN);
        }
        for (RallyFile file : open) {
            try {
                file.close();
            } catch (RallyFileException | RuntimeException e) {
                System.err.println("rallylab: closing " + file.path() + " at exit: " + e.getMessage());
            }
        }
    }
}
