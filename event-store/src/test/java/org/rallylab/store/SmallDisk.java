package org.rallylab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small disk for the full-disk and read-only-stick drills: a tmpfs of a few MiB mounted
 * on a test folder (Linux, as root, as CI runs). Elsewhere the test is skipped with one line
 * saying why.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code megabytes} MiB on {@code folder/name}, or skips the test. */
    static SmallDisk mount(Path folder, String name, int megabytes) throws IOException, InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"),
                "skipped: the small-disk drill mounts a tmpfs, which needs Linux");
        Path point = Files.createDirectories(folder.resolve(name));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", point.toString());
        Assumptions.assumeTrue(failure == null, "skipped: mounting a small tmpfs needs root (" + failure + ")");
        return new SmallDisk(point);
    }

    Path path() {
        return mountPoint;
    }

    /** Makes the disk read-only, like a stick's write-protect switch. */
    void writeProtect() throws IOException, InterruptedException {
        String failure = run("mount", "-o", "remount,ro", mountPoint.toString());
        if (failure != null) {
            throw new IOException("cannot remount " + mountPoint + " read-only: " + failure);
        }
    }

    /** Fills the disk with one file until it is full; returns that file. */
    Path fill() throws IOException {
        Path filler = mountPoint.resolve("filler.bin");
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", "-l", mountPoint.toString());
        if (failure != null) {
            throw new IOException("cannot unmount " + mountPoint + ": " + failure);
        }
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish in 30 s";
        }
        String said = new String(p.getInputStream().readAllBytes()).strip();
        return p.exitValue() == 0 ? null : said.isEmpty() ? "exit " + p.exitValue() : said;
    }
}
