package org.rallylab.app.ui.inspector;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.ui.Navigator;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.Ui;
import org.rallylab.store.RallyFileException;

/**
 * A rally file that cannot be raced on (its hash chain shows it was changed after it was written)
 * opened only to look at it: a window of its own with the {@link EventInspector} over a read-only
 * session, and a banner saying what is wrong. Nothing can be changed from it; closing the window
 * closes the file.
 */
public final class InspectionWindow {

    private final Stage stage = new Stage();
    private final RallySession session;
    private final EventInspector inspector;

    private InspectionWindow(Window owner, RallySession session, String problem) {
        this.session = session;
        stage.initOwner(owner);
        Context context = new Context();
        inspector = new EventInspector(context, "Close");
        Label banner = Ui.label("Read-only: " + problem + ". Nothing can be changed here; restore the rally from a"
                + " backup or the cloud copy to race on.", "notice-bar");
        banner.setId("inspection-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        BorderPane root = new BorderPane(inspector.view());
        root.setTop(new VBox(banner));
        stage.setScene(Ui.scene(root, 1180, 760));
        stage.setTitle("RallyLab – " + session.path().getFileName() + " (read-only)");
        stage.setOnHidden(e -> close());
    }

    /** Opens {@code file} read-only in a window of its own; throws when even that is impossible. */
    public static InspectionWindow show(Window owner, Path file) throws RallyFileException {
        RallySession session = RallySession.inspect(file, Clock.systemUTC());
        String problem;
        try {
            problem = session.rallyFile().flatMap(f -> f.chainProblem()).orElse("the file is open only to look at");
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        InspectionWindow window = new InspectionWindow(owner, session, problem);
        window.stage.show();
        return window;
    }

    /** The window (tests). */
    public Stage stage() {
        return stage;
    }

    private void close() {
        inspector.dispose();
        try {
            session.close();
        } catch (RallyFileException e) {
            System.getLogger(InspectionWindow.class.getName()).log(System.Logger.Level.WARNING,
                    "closing " + session.path(), e);
        }
    }

    /** The inspector's context: the read-only session; its "Close" button closes the window. */
    private final class Context implements OperatorContext, Navigator {
        @Override
        public RaceDay day() {
            throw new IllegalStateException("a file open for inspection has no race day");
        }

        @Override
        public RallySession session() {
            return session;
        }

        @Override
        public Navigator go() {
            return this;
        }

        @Override
        public Window window() {
            return stage;
        }

        @Override
        public void notice(String message) {
            // nothing is executed from the inspector
        }

        @Override
        public void home() {
            stage.close();
        }

        @Override
        public void editRally() {
        }

        @Override
        public void checkIn(String sectionId) {
        }

        @Override
        public void startSection(String sectionId) {
        }

        @Override
        public void console() {
        }

        @Override
        public void sectionComplete(String sectionId) {
        }

        @Override
        public void inspector() {
        }

        @Override
        public void help() {
        }

        @Override
        public void closeRally() {
            stage.close();
        }

        @Override
        public void toggleAudience() {
        }

        @Override
        public void audienceFullScreen() {
        }
    }
}
