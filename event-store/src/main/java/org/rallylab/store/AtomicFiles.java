package org.rallylab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files written all at once, the one way RallyLab does it (backups, roster packages, rally
 * files made from an import, a restore or a copy): the bytes go to a hidden temporary file in
 * the target's folder, are forced to the disk, and the temporary file is renamed into place;
 * then the folder is synced so the rename is on the disk too. A pulled USB stick, a crash or a
 * power cut leaves the old file or the new one, never half of one (at worst a hidden temporary
 * file, which the next write of the same kind removes).
 */
public final class AtomicFiles {

    private static final Disk LOCAL = Disk.LOCAL;

    /** The bytes handed to the disk per write call. */
    public static final int CHUNK_BYTES = 64 * 1024;
    private static final String TEMP_SUFFIX = ".tmp";

    /** The write failed after the rename: the new file is in place, but may not have reached the disk. */
    public static final class NotSynced extends IOException {
        NotSynced(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes} (or creates it) on the real disk; its folder must exist. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, "." + target.getFileName() + ".", Disk.LOCAL);
    }

    /**
     * {@link #replace(Path, byte[])} for a secret (sign-in tokens): the file is readable by its owner
     * only from the moment it exists, where the file system has POSIX permissions.
     */
    public static void replacePrivately(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, "." + target.getFileName() + ".", OWNER_ONLY);
    }

    /** The real disk, creating temporary files readable and writable by their owner only. */
    private static final Disk OWNER_ONLY = new Disk() {
        @Override
        public FileChannel create(Path temp) throws IOException {
            if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                FileChannel channel = LOCAL.create(temp);
                java.io.File file = temp.toFile();
                file.setReadable(false, false);
                file.setReadable(true, true);
                file.setWritable(false, false);
                file.setWritable(true, true);
                return channel;
            }
            return FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
    };

    /**
     * Replaces {@code target} with {@code bytes} through {@code disk}, the temporary file named
     * {@code tempPrefix} + random + ".tmp" in the same folder. On failure the temporary file is
     * removed and the previous {@code target} is untouched, except after the rename
     * ({@link NotSynced}). After success, leftovers of earlier writes with the same prefix are
     * removed (they are never needed once the new file is in place).
     */
    public static void replace(Path target, byte[] bytes, String tempPrefix, Disk disk) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = folder.resolve(tempPrefix + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = disk.create(temp)) {
                for (int start = 0; start < bytes.length; start += CHUNK_BYTES) {
                    disk.write(channel, ByteBuffer.wrap(bytes, start, Math.min(CHUNK_BYTES, bytes.length - start)));
                }
                disk.force(channel);
            }
            disk.move(temp, target);
        } catch (IOException | RuntimeException e) {
            FileOps.deleteQuietly(temp);
            throw e;
        }
        try {
            disk.syncFolder(folder);
        } catch (IOException e) {
            throw new NotSynced(e);
        }
        removeLeftovers(folder, tempPrefix);
    }

    /**
     * Puts a finished file in place under a name nobody has: forced to the disk, then given the
     * name {@code target} atomically without ever replacing a file (a hard link where the file
     * system has them, else a rename that refuses an existing target), the folder synced.
     *
     * @throws FileAlreadyExistsException {@code target} exists; {@code finished} is left as it is
     */
    static void publish(Path finished, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(finished, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        boolean linked;
        try {
            Files.createLink(target, finished);
            linked = true;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            linked = false; // FAT and exFAT sticks have no hard links
        }
        if (linked) {
            Files.delete(finished);
        } else {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(finished, target);
        }
        syncFolder(target.toAbsolutePath().getParent());
    }

    /** Forces a folder's entries (a rename) to the disk where the platform allows it (not on Windows). */
    public static void syncFolder(Path folder) {
        try {
            Disk.LOCAL.syncFolder(folder);
        } catch (IOException e) {
            // the rename is done; a folder that cannot be synced is synced by the system soon after
        }
    }

    private static void removeLeftovers(Path folder, String tempPrefix) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(folder, glob(tempPrefix) + "*" + TEMP_SUFFIX)) {
            for (Path file : left) {
                FileOps.deleteQuietly(file);
            }
        } catch (IOException | SecurityException | java.util.regex.PatternSyntaxException e) {
            // leftovers are harmless: nothing ever opens them
        }
    }

    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
