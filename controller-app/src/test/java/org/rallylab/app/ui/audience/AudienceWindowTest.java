package org.rallylab.app.ui.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Overlay;
import org.rallylab.app.race.AudienceMessage.Screen;
import org.rallylab.app.race.StateBus;
import org.rallylab.app.ui.UiFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AudienceWindowTest {

    private final StateBus<Screen> screens = new StateBus<>();
    private final StateBus<Overlay> overlay = new StateBus<>();
    private AudienceWindow window;

    @Start
    void start(Stage stage) {
        window = new AudienceWindow(screens, overlay);
        window.pageInterval(Duration.seconds(60));
        window.show();
    }

    @AfterEach
    void closeWindow() {
        UiFixture.fxRun(window::close);
    }

    @Test
    void shows_the_welcome_with_the_rally_name(FxRobot robot) {
        publish(AudienceDemo.welcome());
        assertThat(text(robot, "#welcome-name")).isEqualTo("1st Maple Ridge Kub Kar Rally 2025");
        assertThat(text(robot, "#welcome-sub")).isEqualTo("Cars are checking in");
        assertThat(UiFixture.fx(() -> window.stage().getTitle())).isEqualTo("RallyLab – audience");
    }

    @Test
    void staging_shows_each_lane_and_the_next_heat(FxRobot robot) {
        publish(AudienceDemo.staging());
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – Heat 3 of 14");
        assertThat(texts("#lane-row-1")).containsExactly("Lane 1", "#112", "Maya Campbell");
        assertThat(texts("#lane-row-6")).containsExactly("Lane 6", "#117", "Caleb Nguyen");
        assertThat(texts("#on-deck-heat-4")).containsExactly("Heat 4", "1", "#104", "2", "#105", "3", "#106", "4",
                "#107", "5", "#108", "6", "#109");
        assertThat(texts("#on-deck")).startsWith("On deck: the next 2 heats").contains("Heat 5", "#118");
        assertThat(robot.lookup("#badge-catch-up").tryQuery()).isEmpty();

        publish(AudienceDemo.catchUpStaging());
        assertThat(text(robot, "#badge-catch-up")).isEqualTo("Catch-up heat");
        assertThat(robot.lookup("#on-deck").tryQuery()).isEmpty();

        publish(AudienceDemo.dnfRerunStaging());
        assertThat(text(robot, "#badge-dnf-rerun")).isEqualTo("Re-run of the cars that did not finish");
        assertThat(robot.lookup("#lane-row-1").tryQuery()).isEmpty();
        assertThat(texts("#lane-row-3")).containsExactly("Lane 3", "#104", "Olivia Martin");
    }

    @Test
    void results_show_medals_times_dnf_and_impossible_times(FxRobot robot) {
        publish(AudienceDemo.results());
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – Heat 3 results");
        assertThat(texts("#result-row-4")).containsExactly("1st", "Lane 4", "#115", "Nathan Bouchard", "2.741 s");
        assertThat(texts("#result-row-2")).containsExactly("2nd", "Lane 2", "#113", "Owen Fraser", "2.853 s");
        assertThat(texts("#result-row-6")).startsWith("3rd");
        assertThat(texts("#result-row-5")).containsExactly("5th", "Lane 5", "#116", "Isla Morrison", "!", "3.388 s");
        assertThat(texts("#result-row-3")).containsExactly("–", "Lane 3", "#114", "Zoe Kowalski", "DNF");
        assertThat(robot.lookup(".medal-1").queryLabeled().getText()).isEqualTo("1st");
        assertThat(text(robot, "#impossible-legend")).contains("accepted");
        assertThat(robot.lookup("#badge-manual").tryQuery()).isEmpty();
    }

    @Test
    void results_placed_by_hand_have_no_times(FxRobot robot) {
        publish(AudienceDemo.manualResults());
        assertThat(text(robot, "#badge-manual")).isEqualTo("Placed by hand – no times");
        assertThat(texts("#result-row-3")).containsExactly("1st", "Lane 3", "#103", "Noah Patel", "by hand");
        assertThat(texts("#result-row-5")).containsExactly("–", "Lane 5", "#105", "Ethan Wilson", "DNF");
        assertThat(texts("#audience-screen")).noneMatch(t -> t.endsWith(" s"));
    }

    @Test
    void a_long_leaderboard_pages(FxRobot robot) {
        publish(AudienceDemo.leaderboard(25));
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – standings");
        assertThat(text(robot, "#page-label")).isEqualTo("page 1 of 4");
        assertThat(rows(robot)).hasSize(8);
        assertThat(texts("#standing-row-101")).containsExactly("1", "#101", "Ava Thompson", "2.712 s", "2.671 s",
                "12");
        assertThat(texts("#standing-row-103")).first().isEqualTo("T3");
        assertThat(texts("#standing-row-104")).first().isEqualTo("T3");
        assertThat(robot.lookup("#standing-row-111").tryQuery()).isEmpty();

        UiFixture.fxRun(() -> window.pageInterval(Duration.seconds(1)));
        publish(AudienceDemo.leaderboard(25)); // a new message: its pages turn every second
        assertThat(text(robot, "#page-label")).isEqualTo("page 1 of 4");
        waitFor(() -> "page 2 of 4".equals(text(robot, "#page-label")));
        assertThat(rows(robot)).hasSize(8);
        assertThat(robot.lookup("#standing-row-111").tryQuery()).isPresent();
        waitFor(() -> "page 4 of 4".equals(text(robot, "#page-label")));
        assertThat(rows(robot)).hasSize(1);
        assertThat(texts("#standing-row-125")).startsWith("25*").contains("10");
        assertThat(text(robot, "#incomplete-note")).isEqualTo("* not all heats run");
        waitFor(() -> "page 1 of 4".equals(text(robot, "#page-label")));
    }

    @Test
    void a_short_leaderboard_has_one_page(FxRobot robot) {
        publish(AudienceDemo.leaderboard(6));
        assertThat(rows(robot)).hasSize(6);
        assertThat(text(robot, "#page-label")).isEmpty();
    }

    @Test
    void section_complete_shows_only_the_revealed_places(FxRobot robot) {
        publish(AudienceDemo.sectionComplete(8, 4, false));
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – final results");
        assertThat(text(robot, "#still-to-reveal")).isEqualTo("4 more places to reveal…");
        for (int i = 0; i < 4; i++) {
            assertThat(robot.lookup("#standing-row-" + AudienceDemo.car(i)).tryQuery()).isEmpty();
        }
        for (int i = 4; i < 8; i++) {
            assertThat(robot.lookup("#standing-row-" + AudienceDemo.car(i)).tryQuery()).isPresent();
        }
        assertThat(robot.lookup(".podium-row").queryAll()).isEmpty();
        assertThat(robot.lookup("#ended-early").tryQuery()).isEmpty();

        publish(AudienceDemo.sectionComplete(8, 6, false)); // the tie for 3rd
        assertThat(robot.lookup(".podium-row").queryAll()).hasSize(2);
        assertThat(texts("#standing-row-103")).first().isEqualTo("T3rd");

        publish(AudienceDemo.sectionComplete(8, 8, true));
        assertThat(robot.lookup(".podium-row").queryAll()).hasSize(4);
        assertThat(texts("#standing-row-101")).first().isEqualTo("1st");
        assertThat(robot.lookup("#standing-row-101").query().getStyleClass()).contains("podium-1");
        assertThat(text(robot, "#ended-early")).isEqualTo("Ended early");
        assertThat(robot.lookup("#still-to-reveal").tryQuery()).isEmpty();
    }

    @Test
    void a_long_final_reveal_pages_with_the_newest_places_first(FxRobot robot) {
        publish(AudienceDemo.sectionComplete(25, 15, false));
        assertThat(text(robot, "#page-label")).isEqualTo("page 1 of 3");
        assertThat(robot.lookup("#standing-row-" + AudienceDemo.car(10)).tryQuery()).isPresent();
        assertThat(robot.lookup("#standing-row-" + AudienceDemo.car(9)).tryQuery()).isEmpty();
    }

    @Test
    void the_track_overlay_comes_and_goes(FxRobot robot) {
        publish(AudienceDemo.staging());
        publishOverlay(AudienceDemo.trackStatus());
        assertThat(text(robot, "#overlay-message")).isEqualTo("Reset the start gate.");
        assertThat(text(robot, "#sensor-lane-3")).isEqualTo("Lane 3: blocked");
        assertThat(text(robot, "#sensor-lane-1")).isEqualTo("Lane 1: clear");
        assertThat(text(robot, "#sensor-gate")).isEqualTo("Gate: not ready");
        assertThat(robot.lookup("#overlay-disconnected").tryQuery()).isEmpty();
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – Heat 3 of 14");

        publishOverlay(AudienceDemo.disconnected());
        assertThat(text(robot, "#overlay-disconnected")).isEqualTo("Track disconnected");

        publishOverlay(new AudienceMessage.NoOverlay());
        assertThat(robot.lookup("#overlay-banner").tryQuery()).isEmpty();
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – Heat 3 of 14");
    }

    @Test
    void shown_again_it_renders_the_current_screen_at_once(FxRobot robot) {
        publish(AudienceDemo.welcome());
        publishOverlay(AudienceDemo.trackStatus());
        UiFixture.fxRun(window::close);
        assertThat(window.isShowing()).isFalse();

        UiFixture.fxRun(() -> {
            screens.publish(AudienceDemo.results());
            overlay.publish(new AudienceMessage.NoOverlay());
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = UiFixture.fx(() -> {
            window.show();
            return labelTexts(window.stage().getScene().getRoot()); // before any queued delivery ran
        });
        assertThat(shown).contains("Kub Kars – Heat 3 results").doesNotContain("Cars are checking in",
                "Reset the start gate.");
        assertThat(window.isShowing()).isTrue();

        publish(AudienceDemo.staging());
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – Heat 3 of 14");
    }

    @Test
    void closing_with_the_window_button_stops_listening_too(FxRobot robot) {
        publish(AudienceDemo.welcome());
        UiFixture.fxRun(() -> window.stage().hide());
        publish(AudienceDemo.leaderboard(3));
        assertThat(UiFixture.fx(() -> labelTexts(window.stage().getScene().getRoot()))).isEmpty();
        UiFixture.fxRun(window::show);
        assertThat(text(robot, "#audience-title")).isEqualTo("Kub Kars – standings");
    }

    @Test
    void zoom_changes_the_type_size(FxRobot robot) {
        publish(AudienceDemo.staging());
        double before = fontSize(robot, "#audience-title");
        double base = UiFixture.fx(window::baseFontSize);
        assertThat(base).isCloseTo(720 / 24.0, org.assertj.core.data.Offset.offset(0.5));

        UiFixture.fxRun(window::zoomIn);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom()).isGreaterThan(1);
        assertThat(fontSize(robot, "#audience-title")).isGreaterThan(before * 1.05);

        UiFixture.fxRun(window::zoomOut);
        UiFixture.fxRun(window::zoomOut);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom()).as("never smaller than normal: the back of the hall must read it").isEqualTo(1.0);

        UiFixture.fxRun(window::resetZoom);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.zoom()).isEqualTo(1.0);
        assertThat(fontSize(robot, "#audience-title")).isCloseTo(before, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void ctrl_plus_minus_and_zero_zoom(FxRobot robot) {
        publish(AudienceDemo.staging());
        UiFixture.fxRun(() -> window.stage().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertThat(window.zoom()).isGreaterThan(1);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertThat(window.zoom()).isEqualTo(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertThat(window.zoom()).isEqualTo(1.0);
    }

    @Test
    void zooming_in_puts_fewer_rows_on_a_page(FxRobot robot) {
        publish(AudienceDemo.leaderboard(25));
        assertThat(rows(robot)).hasSize(8);
        UiFixture.fxRun(() -> {
            window.zoomIn();
            window.zoomIn();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot).size()).isLessThan(8);
        assertThat(text(robot, "#page-label")).startsWith("page 1 of ");
    }

    @Test
    void the_type_scales_with_the_window_height(FxRobot robot) {
        publish(AudienceDemo.welcome());
        double big = fontSize(robot, "#welcome-sub");
        double before = UiFixture.fx(() -> window.stage().getScene().getHeight());
        UiFixture.fxRun(() -> {
            window.stage().setWidth(640);
            window.stage().setHeight(360); // the headless screen is too small to grow it
        });
        WaitForAsyncUtils.waitForFxEvents();
        double after = UiFixture.fx(() -> window.stage().getScene().getHeight());
        assertThat(after).isLessThan(before);
        assertThat(fontSize(robot, "#welcome-sub")).isCloseTo(big * after / before,
                org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void every_row_fits_in_the_window(FxRobot robot) {
        for (Screen screen : List.of(AudienceDemo.staging(), AudienceDemo.results(), AudienceDemo.leaderboard(25),
                AudienceDemo.sectionComplete(25, 25, true), AudienceDemo.sectionComplete(25, 22, true))) {
            publish(screen);
            double height = UiFixture.fx(() -> window.stage().getScene().getHeight());
            double bottom = UiFixture.fx(() -> {
                double max = 0;
                for (Node n : window.stage().getScene().getRoot().lookupAll(".label, .fit")) {
                    if (n.isVisible() && n.getScene() != null) {
                        max = Math.max(max, n.localToScene(n.getBoundsInLocal()).getMaxY());
                    }
                }
                return max;
            });
            assertThat(bottom).as("lowest label of %s", screen.getClass().getSimpleName()).isLessThanOrEqualTo(height);
        }
    }

    @Test
    void tells_when_a_new_screen_was_rendered(FxRobot robot) {
        List<Screen> rendered = new CopyOnWriteArrayList<>();
        List<Double> titleWidths = new CopyOnWriteArrayList<>();
        UiFixture.fxRun(() -> window.setOnScreenRendered(screen -> {
            rendered.add(screen);
            Node title = window.stage().getScene().lookup("#audience-title");
            titleWidths.add(title == null ? -1 : title.getLayoutBounds().getWidth());
        }));
        AudienceMessage.Staging staging = AudienceDemo.staging();
        publish(staging);
        waitFor(() -> rendered.size() == 1);
        assertThat(rendered).containsExactly(staging);
        assertThat(titleWidths.get(0)).isGreaterThan(0);

        AudienceMessage.Results results = AudienceDemo.results();
        publish(results);
        waitFor(() -> rendered.size() == 2);
        publishOverlay(AudienceDemo.trackStatus()); // overlays do not count
        UiFixture.fxRun(window::zoomIn); // nor do re-layouts of the same screen
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rendered).containsExactly(staging, results);
    }

    @Test
    void audienceStandings_dnfCar_showsDnfCountNotATime(FxRobot robot) {
        publish(AudienceDemo.leaderboard(12));
        assertThat(texts("#standing-row-108")).containsExactly("8", "#108", AudienceDemo.NAMES[7], "1 DNF",
                "2.817 s", "12");
        assertThat(robot.lookup("#dnf-108").query().getStyleClass()).contains("dnf");
    }

    @Test
    void audienceStandings_placedByHand_showsMarkNotATime(FxRobot robot) {
        publish(AudienceDemo.leaderboard(12));
        assertThat(texts("#standing-row-106")).contains("by hand").doesNotContain("2.842 s");
    }

    @Test
    void audienceResults_handRankedHeat_marksEveryPlaceAndShowsNoTime(FxRobot robot) {
        publish(AudienceDemo.manualResults());
        for (int lane : new int[] {1, 2, 3, 4, 6}) {
            assertThat(text(robot, "#time-" + lane)).isEqualTo("by hand");
        }
        assertThat(text(robot, "#time-5")).isEqualTo("DNF");
    }

    @Test
    void audienceWindow_largerText_growsTheTypeAndTurnsOff(FxRobot robot) {
        publish(AudienceDemo.staging());
        double normal = fontSize(robot, "#audience-title");
        UiFixture.fxRun(() -> window.largerText(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.largerText()).isTrue();
        assertThat(fontSize(robot, "#audience-title")).isGreaterThan(normal * 1.3);
        UiFixture.fxRun(() -> window.largerText(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.largerText()).isFalse();
        assertThat(fontSize(robot, "#audience-title")).isCloseTo(normal, org.assertj.core.data.Offset.offset(0.01));
    }

    private void publish(Screen screen) {
        UiFixture.fxRun(() -> screens.publish(screen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void publishOverlay(Overlay message) {
        UiFixture.fxRun(() -> overlay.publish(message));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof FitText t ? t.fullText() : ((Labeled) node).getText();
        });
    }

    private static double fontSize(FxRobot robot, String query) {
        return UiFixture.fx(() -> {
            Node node = robot.lookup(query).query();
            return node instanceof FitText t ? t.fontSize() : ((Labeled) node).getFont().getSize();
        });
    }

    private List<Node> rows(FxRobot robot) {
        return UiFixture.fx(() -> new ArrayList<>(robot.lookup(".standing-row").queryAll()));
    }

    /** The texts of the labels under the node {@code query} finds, in order. */
    private List<String> texts(String query) {
        return UiFixture.fx(() -> {
            Node node = window.stage().getScene().lookup(query);
            assertThat(node).as(query).isNotNull();
            return labelTexts(node);
        });
    }

    private static List<String> labelTexts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Labeled l) {
            out.add(l.getText());
        } else if (node instanceof FitText t) {
            out.add(t.fullText());
        } else if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(labelTexts(child));
            }
        }
        return out;
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in 5 s", e);
        }
    }
}
