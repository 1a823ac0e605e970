package org.rallylab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Reads the first 100 bytes of a file with plain Java I/O, before SQLite ever sees it, so a
 * file that is not ours or is newer than this version is refused without SQLite creating
 * -wal/-shm files next to it or changing a byte. The SQLite header keeps the
 * {@code user_version} pragma at offset 60 and {@code application_id} at offset 68, both
 * 4-byte big-endian (https://www.sqlite.org/fileformat.html#the_database_header).
 */
record FileHeader(int userVersion, int applicationId) {

    static final int SIZE = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int USER_VERSION_OFFSET = 60;
    private static final int APPLICATION_ID_OFFSET = 68;

    /**
     * The header of an existing rally file that this version can open; refuses anything else.
     * Read through {@code handle}, this process's one channel on the file, never a stream of its
     * own: closing another descriptor of the file would drop this process's locks on it.
     */
    static FileHeader probe(Path file, FileHandle handle) throws RallyFileException {
        ByteBuffer head = ByteBuffer.allocate(SIZE);
        int length;
        try {
            length = handle.read(head, 0);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, file + " cannot be read (" + e.getMessage()
                    + "): check that the disk or USB stick is still there", e);
        }
        return parse(file, head.array(), length);
    }

    /** Refuses a folder: a rally file is a file. */
    static void refuseFolder(Path file) throws RallyFileException {
        if (Files.isDirectory(file)) {
            throw new RallyFileException(Reason.NOT_A_RALLY_FILE, file,
                    file + " is a folder, not a rally file: choose a .rallylab file inside it");
        }
    }

    /** The header of a file this process does not have open (read with a stream of its own). */
    static FileHeader probe(Path file) throws RallyFileException {
        refuseFolder(file);
        byte[] head = new byte[SIZE];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, SIZE);
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            throw new RallyFileException(Reason.IO, file, file + " cannot be read (" + e.getMessage()
                    + "): check that the disk or USB stick is still there", e);
        }
        return parse(file, head, length);
    }

    private static FileHeader parse(Path file, byte[] head, int length) throws RallyFileException {
        if (length == 0) {
            throw notOurs(file, "it is empty");
        }
        if (length < SIZE || !Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw notOurs(file, "it is not an SQLite database");
        }
        ByteBuffer buffer = ByteBuffer.wrap(head);
        FileHeader header = new FileHeader(buffer.getInt(USER_VERSION_OFFSET), buffer.getInt(APPLICATION_ID_OFFSET));
        header.check(file);
        return header;
    }

    /** Refuses a header (read from the file, or from SQLite after opening) that is not a rally file this version reads. */
    void check(Path file) throws RallyFileException {
        if (applicationId != Schema.APPLICATION_ID) {
            throw notOurs(file, applicationId == 0 ? "it is an SQLite database of another program"
                    : String.format("it is an SQLite database of another program (application id 0x%08X)", applicationId));
        }
        if (userVersion > Schema.CURRENT_VERSION) {
            throw new RallyFileException(Reason.NEWER_SCHEMA, file, file + " was written by a newer RallyLab (schema "
                    + userVersion + "; this version reads up to " + Schema.CURRENT_VERSION + "): update RallyLab");
        }
        if (userVersion < Schema.OLDEST_VERSION) {
            throw new RallyFileException(Reason.CORRUPT, file, file + " is marked as a rally file but has no schema"
                    + " (version " + userVersion + "): it was not written by RallyLab, or is damaged;"
                    + " restore it from a backup or the cloud copy");
        }
    }

    static RallyFileException missing(Path file) {
        return new RallyFileException(Reason.MISSING, file,
                file + " does not exist: check the folder and the name, or create a new rally");
    }

    private static RallyFileException notOurs(Path file, String why) {
        return new RallyFileException(Reason.NOT_A_RALLY_FILE, file,
                file + " is not a RallyLab rally file (" + why + "): choose a .rallylab file");
    }
}
