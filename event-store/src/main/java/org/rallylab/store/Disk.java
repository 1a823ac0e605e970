package org.rallylab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file-system steps of writing a file all at once ({@link AtomicFiles}), one method each, so
 * tests can make any step fail the way a pulled USB stick does. Each step does the real thing
 * unless overridden; {@link #LOCAL} is the real disk.
 */
public interface Disk {

    /** Creates the temporary file (it must not exist) and opens it for writing. */
    default FileChannel create(Path temp) throws IOException {
        return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Writes all of {@code chunk}. */
    default void write(FileChannel channel, ByteBuffer chunk) throws IOException {
        while (chunk.hasRemaining()) {
            channel.write(chunk);
        }
    }

    /** Forces the file's content to the disk. */
    default void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /** Renames {@code temp} over {@code target} atomically (or replacing it, where the file system cannot). */
    default void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces the folder's entries (the rename) to the disk where the platform can. */
    default void syncFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return; // Windows cannot open a folder as a file; NTFS journals the rename itself
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** The real disk. */
    Disk LOCAL = new Disk() {
    };
}
