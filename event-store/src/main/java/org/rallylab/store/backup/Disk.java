package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file-system steps of writing a backup, one method each, so tests can make any step fail
 * the way a pulled USB stick does. {@link #LOCAL} is the real disk.
 */
interface Disk {

    /** Creates the temporary file (it must not exist) and opens it for writing. */
    FileChannel create(Path temp) throws IOException;

    /** Writes all of {@code chunk}. */
    void write(FileChannel channel, ByteBuffer chunk) throws IOException;

    /** Forces the file's content to the disk. */
    void force(FileChannel channel) throws IOException;

    /** Renames {@code temp} over {@code target} atomically (or replacing it, where the file system cannot). */
    void move(Path temp, Path target) throws IOException;

    /** Forces the folder's entries (the rename) to the disk where the platform can. */
    void syncFolder(Path folder) throws IOException;

    Disk LOCAL = new Disk() {
        @Override
        public FileChannel create(Path temp) throws IOException {
            return FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void write(FileChannel channel, ByteBuffer chunk) throws IOException {
            while (chunk.hasRemaining()) {
                channel.write(chunk);
            }
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void move(Path temp, Path target) throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void syncFolder(Path folder) throws IOException {
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
    };
}
