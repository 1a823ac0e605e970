package org.rallylab.app.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.rallylab.app.race.FakeTrack;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.testfx.util.WaitForAsyncUtils;

/** The small demo rally with Kub Kars (8 cars) checked in and started on six lanes, for console tests. */
final class ConsoleRally implements AutoCloseable {

    final UiFixture fixture;
    final FakeTrack track;
    final String sectionId;

    private ConsoleRally(UiFixture fixture, FakeTrack track, String sectionId) {
        this.fixture = fixture;
        this.track = track;
        this.sectionId = sectionId;
    }

    /** Kub Kars started on lanes 1 to 6; {@code track} null: manual mode. */
    static ConsoleRally started(Path folder, FakeTrack track, Stage stage) {
        UiFixture fixture = UiFixture.demo(folder, UiFixture.SMALL, track, stage);
        String id = UiFixture.fx(() -> {
            var session = fixture.day.session();
            SectionState s = session.state().findSection("Kub Kars").orElseThrow();
            for (RosterEntry car : s.roster()) {
                accept(session.execute(new Command.MarkArrived(s.sectionId(), car.carNumber())));
            }
            accept(session.execute(new Command.StartSection(s.sectionId(), List.of(1, 2, 3, 4, 5, 6))));
            return s.sectionId();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new ConsoleRally(fixture, track, id);
    }

    static void accept(Decision d) {
        assertThat(d).as(d.message()).isInstanceOf(Decision.Accepted.class);
    }

    SectionState section() {
        return UiFixture.fx(() -> fixture.day.session().state().section(sectionId).orElseThrow());
    }

    /** The heat the track is asked to race now. */
    Heat racing() {
        return track.lastCall().heat();
    }

    /** The track connected, gate closed and ready. */
    void connect() {
        track.status(track.ready(true, "IDLE"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The track finishes the heat it was asked for: lane 1 fastest, 0.1 s apart; {@code dnf} lanes left out. */
    Map<Integer, Long> finish(int... dnf) {
        Map<Integer, Long> times = new TreeMap<>();
        long ms = 2_400;
        for (int lane : racing().laneNumbers()) {
            boolean out = false;
            for (int d : dnf) {
                out |= d == lane;
            }
            if (!out) {
                times.put(lane, ms);
            }
            ms += 113;
        }
        track.finish(times);
        WaitForAsyncUtils.waitForFxEvents();
        return times;
    }

    /** Shows {@code screen} at 1280x800 with its shortcuts installed, as the operator window does. */
    static void show(Stage stage, OperatorScreen screen) {
        UiFixture.show(stage, screen, 1280, 800);
        UiFixture.fxRun(() -> {
            for (Shortcut s : screen.shortcuts()) {
                stage.getScene().getAccelerators().put(s.keys(), s.action());
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text of the labels and buttons under {@code node}, in order. */
    static List<String> texts(Node node) {
        return UiFixture.fx(() -> {
            List<String> out = new ArrayList<>();
            collect(node, out);
            return out;
        });
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && node.isVisible()) {
            out.add(l.getText());
        }
        if (node instanceof Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    /** The types of the events written after the first {@code skip}. */
    List<String> typesAfter(int skip) {
        return fixture.typesOnDiskAfter(skip);
    }

    int eventCount() {
        return fixture.eventsOnDisk().size();
    }

    @Override
    public void close() {
        fixture.close();
    }
}
