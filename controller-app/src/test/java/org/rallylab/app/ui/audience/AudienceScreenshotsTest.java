package org.rallylab.app.ui.audience;

import static org.assertj.core.api.Assumptions.assumeThat;

import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Overlay;
import org.rallylab.app.race.AudienceMessage.Screen;
import org.rallylab.app.race.StateBus;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** docs/screenshots/audience-*: every screen and the overlay at 1920x1080 and 1280x720 (screenshot runs only). */
@ExtendWith(ApplicationExtension.class)
class AudienceScreenshotsTest {

    private final StateBus<Screen> screens = new StateBus<>();
    private final StateBus<Overlay> overlay = new StateBus<>();
    private AudienceWindow window;

    @Start
    void start(Stage stage) {
        window = new AudienceWindow(screens, overlay);
        window.pageInterval(Duration.minutes(10));
    }

    @Test
    void every_screen_at_two_sizes() {
        assumeThat(Screenshots.enabled()).as("screenshot run").isTrue();
        UiFixture.fxRun(() -> {
            window.stage().initStyle(StageStyle.UNDECORATED);
            window.show();
        });
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            UiFixture.fxRun(() -> {
                Stage s = window.stage();
                s.setX(0);
                s.setY(0);
                s.setWidth(size[0]);
                s.setHeight(size[1]);
            });
            String suffix = "-" + size[0] + "x" + size[1];
            take(AudienceDemo.welcome(), "welcome" + suffix);
            take(AudienceDemo.staging(), "staging" + suffix);
            take(AudienceDemo.results(), "results" + suffix);
            take(AudienceDemo.manualResults(), "results-manual" + suffix);
            take(AudienceDemo.leaderboard(25), "leaderboard" + suffix);
            take(AudienceDemo.sectionComplete(25, 25, false), "section-complete" + suffix);
            UiFixture.fxRun(() -> {
                screens.publish(AudienceDemo.staging());
                overlay.publish(AudienceDemo.trackStatus());
            });
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.take(window.stage(), "audience-track-status" + suffix);
            UiFixture.fxRun(() -> overlay.publish(new AudienceMessage.NoOverlay()));
        }
        UiFixture.fxRun(window::close);
    }

    private void take(Screen screen, String name) {
        UiFixture.fxRun(() -> screens.publish(screen));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.take(window.stage(), "audience-" + name);
    }
}
