package org.rallylab.sync.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudException;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.client.PulledEvent;
import org.rallylab.sync.worker.PushWorker;

/**
 * Restore from the server: every event of one rally, pulled page by page in server
 * order, checked, then written to a new rally file in one transaction, each marked as pulled from
 * that server (so it is never pushed back; the file's own writer id numbers what this laptop adds).
 * Racing continues from that file. Nothing is written unless every event was read and belongs to the rally; an existing file
 * is never touched.
 */
public final class ServerRestore {

    /** What was restored. */
    public record Summary(Path file, String rallyId, String rallyName, int events) {
    }

    private ServerRestore() {
    }

    /**
     * Pulls rally {@code rallyId} into {@code newRallyFile} (which must not exist).
     *
     * @throws CloudException      the server could not be read (nothing written)
     * @throws RallyFileException  the file exists or could not be written (nothing left behind)
     * @throws IllegalStateException the server's copy is not a whole rally (nothing written)
     */
    public static Summary restore(CloudClient client, CloudSession session, String rallyId, Path newRallyFile)
            throws CloudException, RallyFileException {
        Objects.requireNonNull(newRallyFile, "newRallyFile");
        if (Files.exists(newRallyFile)) {
            throw new RallyFileException(RallyFileException.Reason.ALREADY_EXISTS, newRallyFile, newRallyFile
                    + " already exists: choose a new file name for the restored rally (nothing was changed).", null);
        }
        List<PulledEvent> rows = client.pullAll(session, rallyId, CloudClient.SERVER_ROW_CAP);
        List<DomainEvent> events = check(rallyId, rows);
        RallyState state = RallyState.replay(events);
        List<RemoteEvent> pulled = new ArrayList<>(rows.size());
        rows.forEach(row -> pulled.add(new RemoteEvent(row.id(), row.event())));
        String source = PushWorker.TARGET_PREFIX + client.config().url();
        try (RallyFile file = RallyFile.create(newRallyFile)) {
            file.sync().appendFromServer(source, pulled, rows.get(rows.size() - 1).id());
            file.sync().acknowledge(source, 0); // the file syncs with this cloud from now on
        } catch (RallyFileException | RuntimeException e) {
            deleteQuietly(newRallyFile);
            throw e;
        }
        return new Summary(newRallyFile, rallyId, state.rallyName(), events.size());
    }

    private static List<DomainEvent> check(String rallyId, List<PulledEvent> rows) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("The server has no events of rally " + rallyId
                    + ", or your account has no role in it: check the rally and who is signed in.");
        }
        List<DomainEvent> events = new ArrayList<>(rows.size());
        for (PulledEvent row : rows) {
            if (!rallyId.equals(row.rallyId())) {
                throw new IllegalStateException("Row " + row.id() + " belongs to rally " + row.rallyId() + ", not "
                        + rallyId + ": nothing was restored.");
            }
            events.add(row.event());
        }
        if (!(events.get(0) instanceof RallyCreated)) {
            throw new IllegalStateException("The server's copy of rally " + rallyId + " does not start with "
                    + "RallyCreated (it starts with " + events.get(0).type() + "): nothing was restored.");
        }
        return events;
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: the caller reports the original failure
            }
        }
    }
}
