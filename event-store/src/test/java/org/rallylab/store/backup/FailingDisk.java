package org.rallylab.store.backup;

import org.rallylab.store.Disk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real disk, except that step number {@code failAt} (counted from 1 over create, each
 * write, force, move and folder sync) throws {@code failure}, as a pulled USB stick would.
 * Records the steps it was asked to take.
 */
final class FailingDisk implements Disk {

    private final int failAt;
    private final IOException failure;
    final List<String> steps = new ArrayList<>();

    FailingDisk(int failAt, IOException failure) {
        this.failAt = failAt;
        this.failure = failure;
    }

    /** A disk that never fails, to count the steps of a write. */
    static FailingDisk recording() {
        return new FailingDisk(0, null);
    }

    private void step(String name) throws IOException {
        steps.add(name);
        if (steps.size() == failAt) {
            throw failure;
        }
    }

    @Override
    public FileChannel create(Path temp) throws IOException {
        step("create");
        return LOCAL.create(temp);
    }

    @Override
    public void write(FileChannel channel, ByteBuffer chunk) throws IOException {
        if (steps.size() + 1 == failAt) {
            // half of the chunk reaches the file before the stick goes, as on a real one
            ByteBuffer half = chunk.duplicate();
            half.limit(half.position() + half.remaining() / 2);
            LOCAL.write(channel, half);
        }
        step("write");
        LOCAL.write(channel, chunk);
    }

    @Override
    public void force(FileChannel channel) throws IOException {
        step("force");
        LOCAL.force(channel);
    }

    @Override
    public void move(Path temp, Path target) throws IOException {
        step("move");
        LOCAL.move(temp, target);
    }

    @Override
    public void syncFolder(Path folder) throws IOException {
        step("sync folder");
        LOCAL.syncFolder(folder);
    }
}
