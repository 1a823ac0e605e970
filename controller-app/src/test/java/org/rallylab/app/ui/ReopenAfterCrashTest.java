package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.settings.OpenRallyMarker;
import org.testfx.api.FxToolkit;

/**
 * Issue 12: started again after a crash, the app reopens the rally that was open; the
 * {@code --track} on this command line wins over the track remembered with it.
 */
class ReopenAfterCrashTest {

    @TempDir
    Path folder;

    private RallyLabApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void reopen_trackOnCommandLine_winsOverRememberedManualMode() throws Exception {
        Path rally = crashedWith(null); // raced with no --track and no Pico found: manual mode

        start("sim");

        assertThat(UiFixture.fx(() -> app.window().rallyFile())).contains(rally);
        assertThat(UiFixture.fx(() -> app.window().noticeText())).contains("not closed properly");
        assertThat(UiFixture.fx(() -> app.window().day().track().isPresent())).as("--track sim").isTrue();
        assertThat(UiFixture.fx(() -> app.window().day().loop().current().manual())).isFalse();
        assertThat(new OpenRallyMarker(folder).leftOpen()).map(OpenRallyMarker.Open::track).contains("sim");
    }

    @Test
    void reopen_noTrackOnCommandLine_winsOverRememberedTrack() throws Exception {
        crashedWith("sim");

        start("none");

        assertThat(UiFixture.fx(() -> app.window().day().track().isPresent())).as("--track none").isFalse();
        assertThat(UiFixture.fx(() -> app.window().day().loop().current().manual())).isTrue();
    }

    @Test
    void reopen_withoutTrackOption_usesRememberedTrack() throws Exception {
        crashedWith("sim");

        start(null);

        assertThat(UiFixture.fx(() -> app.window().day().track().isPresent())).as("remembered: sim").isTrue();
    }

    /** A demo rally file left open (the marker) by an app that raced it with {@code track}. */
    private Path crashedWith(String track) throws Exception {
        Path rally = folder.resolve("crashed.rallylab");
        DemoSetup.create(rally, Clock.systemUTC(), 7, UiFixture.SMALL).close();
        new OpenRallyMarker(folder).opened(new OpenRallyMarker.Open(rally, track));
        return rally;
    }

    /** {@code rallylab --track TRACK} (null: no --track), no rally named: the start screen's reopen. */
    private void start(String track) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        RallyLabApp.prepare(new AppOptions(false, false, false, null, track, DemoSetup.Counts.DEFAULT, 1.0, 2026,
                folder));
        app = (RallyLabApp) FxToolkit.setupApplication(RallyLabApp::new);
        assertThat(stage).isNotNull();
    }
}
