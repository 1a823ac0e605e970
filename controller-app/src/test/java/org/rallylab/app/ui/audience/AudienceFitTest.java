package org.rallylab.app.ui.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.ui.UiFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every audience screen, at every size a projector or a laptop gives it, with normal and the
 * largest text, shows every text whole and big enough to read from the back of a hall (see
 * {@link TextAudit}), for the {@link HardRoster} (4-character car numbers, 30-character names).
 *
 * <p>Each screen is rendered off screen, in a scene of exactly that size (a window could not be
 * larger than the test's screen), through the same view the audience window shows. With
 * {@code -Drallylab.screenshots=FOLDER} each picture is also saved there as
 * {@code audience-SCREEN-WxH[-larger].png} (docs/screenshots keeps them):
 * {@code ./mvnw -pl controller-app test -Dtest=AudienceFitTest -Drallylab.screenshots=$PWD/docs/screenshots}.
 *
 * <p>The rule, checked by {@link TextAudit}: every text is drawn whole (no "…", no clipped car
 * number), at a font of at least 1/30 of the window's height, inside the window and its box, on
 * at most two lines, over no other text.
 */
@ExtendWith(ApplicationExtension.class)
class AudienceFitTest {

    /** 4:3, the common 16:9 laptop and projector sizes, 16:10, full HD and 4K. */
    static final int[][] SIZES = {{1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}, {3840, 2160}};

    @Start
    void start(Stage stage) {
        // only the toolkit: every picture is rendered off screen
    }

    static Stream<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (int[] size : SIZES) {
            out.add(Arguments.of(size[0], size[1], false));
            out.add(Arguments.of(size[0], size[1], true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{1}, larger text {2}")
    @MethodSource("sizes")
    void everyScreen_everySizeAndTextSize_readsFromTheBackOfTheHall(int width, int height, boolean larger) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, HardRoster.Shown> e : HardRoster.screens().entrySet()) {
            String name = "audience-" + e.getKey() + "-" + width + "x" + height + (larger ? "-larger" : "");
            List<String> found = UiFixture.fx(() -> render(e.getValue(), width, height, larger, name));
            found.forEach(p -> problems.add(e.getKey() + ": " + p));
        }
        assertThat(problems).as("texts the back of the hall cannot read at %dx%d, larger text %s", width, height,
                larger).isEmpty();
    }

    /** Renders {@code shown} in a scene of {@code width} x {@code height}; its problems. JavaFX thread. */
    private static List<String> render(HardRoster.Shown shown, int width, int height, boolean larger, String name) {
        AudienceView view = new AudienceView();
        view.pageInterval(Duration.hours(1));
        Scene scene = new Scene(view.root(), width, height);
        view.scaleWith(scene);
        if (larger) {
            view.zoom(AudienceView.MAX_ZOOM);
        }
        view.show(shown.screen());
        if (shown.overlay() != null) {
            view.show(shown.overlay());
        }
        WritableImage picture = scene.snapshot(null);
        List<String> problems = new ArrayList<>(TextAudit.problems(scene));
        problems.addAll(missing(shown.screen(), TextAudit.texts(scene)));
        save(picture, name);
        view.clear();
        return problems;
    }

    /** Staging and results show every car of the heat, number and name, whole. */
    private static List<String> missing(AudienceMessage.Screen screen, List<String> texts) {
        List<String> wanted = new ArrayList<>();
        if (screen instanceof AudienceMessage.Staging s) {
            s.lanes().forEach(l -> wanted.addAll(List.of("#" + l.carNumber(), l.name())));
        } else if (screen instanceof AudienceMessage.Results r) {
            r.results().forEach(f -> wanted.addAll(List.of("#" + f.carNumber(), f.name())));
        }
        return wanted.stream().filter(w -> !texts.contains(w)).map(w -> "not shown whole: '" + w + "'").toList();
    }

    private static void save(WritableImage picture, String name) {
        String folder = System.getProperty("rallylab.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        int w = (int) picture.getWidth();
        int h = (int) picture.getHeight();
        int[] argb = new int[w * h];
        picture.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        Path out = Path.of(folder).resolve(name + ".png");
        try {
            Files.createDirectories(out.getParent());
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new AssertionError("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
