package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.AtomicFiles;
import org.rallylab.store.Disk;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;

/**
 * Writes a backup so that a pulled stick never leaves half of one: the bytes go to a hidden
 * temporary file in the backup folder, are forced to the stick, and the temporary file is renamed
 * over {@value BackupFiles#FILE_NAME}; then the folder is synced so the rename is on the stick too.
 * The previous backup is not touched before the rename. After a failure the temporary file is
 * removed (best effort) and the exception says what to do.
 */
final class BackupWriter {

    /** The bytes handed to the disk per write call. */
    static final int CHUNK_BYTES = AtomicFiles.CHUNK_BYTES;
    static final String TEMP_PREFIX = ".rallylab-backup-";
    static final String TEMP_SUFFIX = ".tmp";

    private BackupWriter() {
    }

    static BackupFiles.Written write(RallyFile file, Path folder, Disk disk, Clock clock) throws IOException {
        RallyFile.Snapshot snapshot = snapshot(file);
        RallyState state = check(file, snapshot);
        Instant at = Instant.ofEpochMilli(clock.millis());
        byte[] bytes = BackupFormat.encode(snapshot, state.rallyId().orElseThrow(), state.rallyName(), at);
        Path target = folder.resolve(BackupFiles.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw DiskTrouble.gone(folder);
        }
        refuseAnotherRallysBackup(target, state.rallyId().orElseThrow());
        try {
            AtomicFiles.replace(target, bytes, TEMP_PREFIX, disk);
        } catch (IOException | RuntimeException e) {
            boolean renamed = e instanceof AtomicFiles.NotSynced;
            throw DiskTrouble.explain(folder, renamed ? e.getCause() : e, renamed);
        }
        return new BackupFiles.Written(target, snapshot.events().size(), bytes.length, at);
    }

    private static final java.util.regex.Pattern RALLY_ID =
            java.util.regex.Pattern.compile("\"rally_id\"\\s*:\\s*\"([^\"]*)\"");
    private static final java.util.regex.Pattern RALLY_NAME =
            java.util.regex.Pattern.compile("\"rally_name\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * Never replaces the backup of another rally: two rallies backed up to one stick would
     * otherwise leave only the last one written. The existing file's rally_id is read from its
     * first bytes (it comes before the events); a file that cannot be read that way is replaced.
     */
    private static void refuseAnotherRallysBackup(Path target, String rallyId) throws IOException {
        if (!Files.isRegularFile(target)) {
            return;
        }
        byte[] head = new byte[1024];
        int read;
        try (java.io.InputStream in = Files.newInputStream(target)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return; // unreadable: the write below replaces it, or reports why it cannot
        }
        String text = new String(head, 0, read, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = RALLY_ID.matcher(text);
        if (m.find() && !m.group(1).equalsIgnoreCase(rallyId)) {
            java.util.regex.Matcher name = RALLY_NAME.matcher(text);
            String other = name.find() ? "\"" + BackupFormat.unescaped(name.group(1)) + "\"" : "another rally";
            throw new IOException(target + " is the backup of " + other + ", another rally: it was kept."
                    + " Back this rally up to a folder of its own (make a folder on the stick for it).");
        }
    }

    private static RallyFile.Snapshot snapshot(RallyFile file) throws IOException {
        try {
            return file.snapshot();
        } catch (RallyFileException e) {
            throw new IOException("cannot read " + file.path().getFileName() + " to back it up: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a log a backup of which could not be restored: the reader's own checks
     * ({@link BackupLog}), so what is written is what restores.
     */
    private static RallyState check(RallyFile file, RallyFile.Snapshot snapshot) {
        if (snapshot.events().isEmpty()) {
            throw new IllegalStateException(file.path().getFileName() + " has no events yet: nothing to back up");
        }
        long expected = 1;
        for (StoredEvent stored : snapshot.events()) {
            if (stored.sequence() != expected++) {
                throw new IllegalStateException("cannot back up " + file.path().getFileName() + ": its events skip"
                        + " from " + (expected - 2) + " to " + stored.sequence() + "; run verify on it");
            }
        }
        List<DomainEvent> events = new ArrayList<>(snapshot.events().size());
        snapshot.events().forEach(stored -> events.add(stored.event()));
        try {
            return BackupLog.check(events);
        } catch (BackupLog.Problem problem) {
            throw new IllegalStateException("cannot back up " + file.path().getFileName() + ": " + problem.getMessage()
                    + ", so a backup of it could not be restored; save a copy of the rally file instead");
        }
    }

}
