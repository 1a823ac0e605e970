package org.rallylab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.stage.Window;
import org.rallylab.domain.testing.Await;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots for docs/screenshots, taken only in a screenshot run: under Xvfb with a real glass
 * (see controller-app/pom.xml) and {@code -Drallylab.screenshots=FOLDER}. In the normal headless
 * build {@link #take} does nothing. The picture is what X shows ({@code import -window root}),
 * cropped to the window.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Whether this run takes screenshots. */
    public static boolean enabled() {
        String folder = System.getProperty("rallylab.screenshots", "");
        return !folder.isBlank() && System.getenv("DISPLAY") != null;
    }

    /** Saves {@code window} as FOLDER/{@code name}.png (after the scene has rendered). */
    public static void take(Window window, String name) {
        if (!enabled()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        awaitPulses(3); // the scene as it is now has been drawn to X, not only laid out
        WaitForAsyncUtils.waitForFxEvents();
        int[] box = UiFixture.fx(() -> new int[] {(int) window.getX(), (int) window.getY(),
            (int) window.getWidth(), (int) window.getHeight()});
        Path out = Path.of(System.getProperty("rallylab.screenshots")).resolve(name + ".png");
        try {
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder("import", "-window", "root", "-crop",
                    box[2] + "x" + box[3] + "+" + Math.max(0, box[0]) + "+" + Math.max(0, box[1]), "+repage",
                    out.toString()).inheritIO().start();
            if (!p.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("import (ImageMagick) failed for " + out);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run import (ImageMagick): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until JavaFX has run {@code count} more pulses (each one renders what changed before it). */
    private static void awaitPulses(int count) {
        AtomicInteger pulses = new AtomicInteger();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.incrementAndGet();
            }
        };
        UiFixture.fxRun(timer::start);
        try {
            Await.until(count + " JavaFX pulses", () -> pulses.get() >= count);
        } finally {
            UiFixture.fxRun(timer::stop);
        }
    }
}
