package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.state.RallyState;
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
    static final int CHUNK_BYTES = 64 * 1024;
    static final String TEMP_PREFIX = ".rallylab-backup-";
    static final String TEMP_SUFFIX = ".tmp";

    private BackupWriter() {
    }

    static BackupFiles.Written write(RallyFile file, Path folder, Disk disk, Clock clock) throws IOException {
        RallyFile.Snapshot snapshot = snapshot(file);
        RallyState state = fold(file, snapshot);
        Instant at = Instant.ofEpochMilli(clock.millis());
        byte[] bytes = BackupFormat.encode(snapshot, state.rallyId().orElseThrow(), state.rallyName(), at);
        Path target = folder.resolve(BackupFiles.FILE_NAME);
        if (!Files.isDirectory(folder)) {
            throw DiskTrouble.gone(folder);
        }
        refuseAnotherRallysBackup(target, state.rallyId().orElseThrow());
        Path temp = folder.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + TEMP_SUFFIX);
        boolean renamed = false;
        try {
            try (FileChannel channel = disk.create(temp)) {
                for (int start = 0; start < bytes.length; start += CHUNK_BYTES) {
                    disk.write(channel, ByteBuffer.wrap(bytes, start, Math.min(CHUNK_BYTES, bytes.length - start)));
                }
                disk.force(channel);
            }
            disk.move(temp, target);
            renamed = true;
            disk.syncFolder(folder);
            removeLeftovers(folder);
        } catch (IOException | RuntimeException e) {
            if (!renamed) {
                deleteQuietly(temp);
            }
            throw DiskTrouble.explain(folder, e, renamed);
        }
        return new BackupFiles.Written(target, snapshot.events().size(), bytes.length, at);
    }

    private static final java.util.regex.Pattern RALLY_ID =
            java.util.regex.Pattern.compile("\"rally_id\"\\s*:\\s*\"([^\"]*)\"");

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
        java.util.regex.Matcher m = RALLY_ID.matcher(new String(head, 0, read, java.nio.charset.StandardCharsets.UTF_8));
        if (m.find() && !m.group(1).equalsIgnoreCase(rallyId)) {
            throw new IOException(target + " is the backup of another rally (" + m.group(1) + "): it was kept."
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

    /** Folds the snapshot, refusing a log a backup could not restore. */
    private static RallyState fold(RallyFile file, RallyFile.Snapshot snapshot) {
        if (snapshot.events().isEmpty()) {
            throw new IllegalStateException(file.path().getFileName() + " has no events yet: nothing to back up");
        }
        StoredEvent first = snapshot.events().get(0);
        if (!(first.event() instanceof RallyCreated)) {
            throw new IllegalStateException("cannot back up " + file.path().getFileName() + ": it starts with "
                    + first.type() + ", not RallyCreated, so a backup of it could not be restored;"
                    + " export it as JSON Lines instead");
        }
        long expected = 1;
        for (StoredEvent stored : snapshot.events()) {
            if (stored.sequence() != expected++) {
                throw new IllegalStateException("cannot back up " + file.path().getFileName() + ": its events skip"
                        + " from " + (expected - 2) + " to " + stored.sequence() + "; run verify on it");
            }
        }
        RallyState state = RallyState.empty();
        snapshot.events().forEach(stored -> state.apply(stored.event()));
        return state;
    }

    /**
     * Deletes temporary files an earlier write left when the stick was pulled or the power went
     * (the backup itself is in place by now, so they are never needed).
     */
    private static void removeLeftovers(Path folder) {
        try (java.nio.file.DirectoryStream<Path> left = Files.newDirectoryStream(folder,
                TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path file : left) {
                deleteQuietly(file);
            }
        } catch (IOException | SecurityException e) {
            // leftovers are harmless: a backup reader only ever opens rallylab-backup.json
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException | SecurityException e) {
            // cleanup after another failure: that failure is the one reported
        }
    }
}
