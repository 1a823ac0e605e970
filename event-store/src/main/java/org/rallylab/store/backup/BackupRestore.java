package org.rallylab.store.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;
import org.rallylab.store.StoredEvent;

/**
 * Makes a new rally file from a checked {@link Backup}, complete or not at all
 * ({@link RallyFile#createAtomically}): the backup's writer id, every event with its sequence
 * number (runs of own events appended as such, runs pulled from one server with their server row
 * ids, so they are never pushed back), and a cursor at 0 for each sync target.
 */
final class BackupRestore {

    private BackupRestore() {
    }

    static BackupFiles.Restored restore(Backup backup, Path newRallyFile) throws RallyFileException {
        return RallyFile.createAtomically(newRallyFile, backup.writerId(), file -> {
            List<BackupEvent> events = backup.events();
            int start = 0;
            while (start < events.size()) {
                int end = runEnd(events, start);
                append(file, events.subList(start, end));
                start = end;
            }
            for (String target : backup.syncTargets()) {
                file.sync().acknowledge(target, 0);
            }
            if (backup.chainHead() != null && !backup.chainHead().equals(file.chainHead())) {
                throw new RallyFileException(RallyFileException.Reason.CORRUPT, newRallyFile, "the restored events"
                        + " do not end in the backup's chain head (" + backup.chainHead() + "): nothing was"
                        + " restored; report this with the backup file");
            }
            return new BackupFiles.Restored(newRallyFile, backup.rallyId(), backup.rallyName(), events.size());
        });
    }

    /** The end of the run starting at {@code start}: events of the same origin (this laptop, or one server). */
    private static int runEnd(List<BackupEvent> events, int start) {
        String source = events.get(start).source();
        int end = start + 1;
        while (end < events.size() && Objects.equals(events.get(end).source(), source)) {
            end++;
        }
        return end;
    }

    private static void append(RallyFile file, List<BackupEvent> run) throws RallyFileException {
        BackupEvent first = run.get(0);
        List<StoredEvent> stored;
        if (first.pulled()) {
            List<RemoteEvent> remote = new ArrayList<>(run.size());
            long lastRow = 0;
            for (BackupEvent e : run) {
                remote.add(new RemoteEvent(e.serverId(), e.event()));
                lastRow = Math.max(lastRow, e.serverId());
            }
            stored = file.sync().appendFromServer(first.source(), remote, lastRow);
        } else {
            List<DomainEvent> own = new ArrayList<>(run.size());
            run.forEach(e -> own.add(e.event()));
            stored = file.append(own);
        }
        if (stored.size() != run.size() || stored.get(0).sequence() != first.clientEventId()) {
            throw new IllegalStateException("restoring events " + first.clientEventId() + " to "
                    + run.get(run.size() - 1).clientEventId() + " numbered them " + (stored.isEmpty() ? "not at all"
                    : stored.get(0).sequence() + " to " + stored.get(stored.size() - 1).sequence())
                    + ": nothing was restored; report this with the backup file");
        }
    }
}
