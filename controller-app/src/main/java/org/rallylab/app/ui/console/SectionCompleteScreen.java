package org.rallylab.app.ui.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.Keys;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Shortcut;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.SectionState;

/**
 * A completed section: its final standings, the reveal of the places on the audience screen (from
 * the last place up, the podium last) and the way on to the next section.
 */
public final class SectionCompleteScreen implements OperatorScreen {

    private static final String STYLESHEET = SectionCompleteScreen.class.getResource("console.css").toExternalForm();

    private final OperatorContext context;
    private final String sectionId;
    private final BorderPane root = new BorderPane();
    private final ScrollPane tableScroll = new ScrollPane();
    private final Label revealed = Grid.Cells.label("", "metric-value");
    private final Label revealHelp = new Label();
    private final Button revealNext;
    private final Button revealAll;
    private final Button nextSection;
    private final Subscription audienceListener;
    private final List<Shortcut> shortcuts;
    private Standings standings;

    public SectionCompleteScreen(OperatorContext context, String sectionId) {
        this.context = context;
        this.sectionId = sectionId;
        revealNext = Ui.button("Reveal next place", "reveal-next", Keys.REVEAL_NEXT, () -> {
            if (showing()) {
                context.day().audience().revealNextPlace();
            } else {
                context.day().audience().showFinalStandings(sectionId);
            }
        });
        revealNext.getStyleClass().add("primary");
        revealAll = Ui.button("Reveal all", "reveal-all", () -> {
            context.day().audience().showFinalStandings(sectionId);
            context.day().audience().revealAll();
        });
        nextSection = Ui.button("Next section", "next-section", this::nextSection);
        shortcuts = List.of(new Shortcut(Keys.REVEAL_NEXT, "Reveal the next place on the audience screen", () -> {
            if (revealNext.isDisabled()) {
                context.notice("Every place is already revealed, or the audience screen is not showing "
                        + sectionName() + "'s final standings.");
            } else {
                revealNext.fire();
            }
        }));
        build();
        Executor fx = r -> {
            if (Platform.isFxApplicationThread()) {
                r.run();
            } else {
                Platform.runLater(r);
            }
        };
        audienceListener = context.day().audience().screens().subscribe(fx, this::audience);
        if (context.day().audience().screens().last().isEmpty()) {
            audience(null);
        }
    }

    @Override
    public String title() {
        return sectionName() + ": final standings";
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return shortcuts;
    }

    @Override
    public void dispose() {
        audienceListener.close();
    }

    private Optional<SectionState> section() {
        return context.session().state().section(sectionId);
    }

    private String sectionName() {
        return section().map(SectionState::sectionName).orElse("This section");
    }

    private void build() {
        root.getStylesheets().add(STYLESHEET);
        root.getStyleClass().add("section-complete");
        SectionState s = section().orElse(null);
        standings = s == null ? null : Scoring.standings(s);

        Label heading = Grid.Cells.label(sectionName() + " – final standings", "huge");
        heading.setId("complete-title");
        VBox top = new VBox(4, heading);
        if (s != null && s.endedEarly()) {
            Label early = new Label("Ended early after " + s.results().size() + " of " + s.heatCount()
                    + " heats: cars are ranked on the heats they ran.");
            early.setId("ended-early");
            early.getStyleClass().addAll("console-warning");
            early.setWrapText(true);
            top.getChildren().add(early);
        } else if (s != null) {
            top.getChildren().add(Grid.Cells.label(s.completedHeats() + " heats raced.", "big", "muted"));
        }
        if (s != null && !s.completed()) {
            top.getChildren().add(Grid.Cells.label(sectionName() + " is not complete yet: these standings "
                    + "may still change.", "status-warn"));
        }
        top.setStyle("-fx-padding: 0 0 10 0;");
        root.setTop(top);

        tableScroll.setFitToWidth(true);
        tableScroll.setId("final-standings-scroll");
        tableScroll.getStyleClass().add("console-scroll");
        VBox.setVgrow(tableScroll, Priority.ALWAYS);
        VBox center = new VBox(8, Grid.Cells.label("Standings", "section-title"), tableScroll);
        center.getStyleClass().addAll("card", "panel-card");
        BorderPane.setMargin(center, new javafx.geometry.Insets(0, 12, 0, 0));
        root.setCenter(center);

        revealHelp.setWrapText(true);
        revealHelp.setMinHeight(Region.USE_PREF_SIZE);
        revealHelp.getStyleClass().add("muted");
        revealed.setId("revealed-count");
        revealNext.setMaxWidth(Double.MAX_VALUE);
        revealAll.setMaxWidth(Double.MAX_VALUE);
        VBox reveal = new VBox(8, Grid.Cells.label("On the audience screen", "section-title"), revealed,
                revealHelp, revealNext, revealAll);
        reveal.getStyleClass().addAll("card", "reveal-card");
        reveal.setMinWidth(0);

        nextSection.getStyleClass().add("primary");
        nextSection.setMaxWidth(Double.MAX_VALUE);
        Button home = Ui.button("Back to rally home", "back-home", () -> context.go().home());
        home.setMaxWidth(Double.MAX_VALUE);
        Label nextHelp = new Label(nextSectionId().flatMap(id -> context.session().state().section(id))
                .map(n -> "Next: " + n.sectionName() + " (check-in)").orElse("Every section with a roster is done."));
        nextHelp.setWrapText(true);
        nextHelp.getStyleClass().add("muted");
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox side = new VBox(10, reveal, gap, nextHelp, nextSection, home);
        side.getStyleClass().add("actions-column");
        side.setStyle("-fx-pref-width: 340; -fx-min-width: 340; -fx-max-width: 340;"); // "Show final standings" whole
        root.setRight(side);
    }

    /** Whether the audience screen shows this section's final standings now. */
    private boolean showing() {
        return context.day().audience().screens().last().filter(AudienceMessage.SectionComplete.class::isInstance)
                .map(AudienceMessage.SectionComplete.class::cast)
                .filter(c -> c.sectionName().equals(sectionName())).isPresent();
    }

    /** The audience screen changed: show how many places it reveals, and which. */
    private void audience(AudienceMessage.Screen screen) {
        AudienceMessage.SectionComplete done = screen instanceof AudienceMessage.SectionComplete c
                && c.sectionName().equals(sectionName()) ? c : null;
        Set<String> shown = done == null ? null
                : done.visible().stream().map(AudienceMessage.Standing::carNumber).collect(Collectors.toSet());
        if (done == null) {
            revealed.setText("Not showing");
            revealHelp.setText("The audience screen is not showing " + sectionName() + "'s final standings yet: "
                    + "show them, then reveal the places from the last one up.");
        } else {
            revealed.setText(done.revealed() + " of " + done.standings().size() + " places");
            revealHelp.setText(done.fullyRevealed() ? "Every place is on the audience screen."
                    : "Places are revealed from the last one up; the podium comes last.");
        }
        revealNext.setText(done == null ? "Show final standings" : "Reveal next place");
        revealNext.setDisable(done != null && done.fullyRevealed());
        revealAll.setDisable(done != null && done.fullyRevealed());
        if (standings == null) {
            tableScroll.setContent(Grid.Cells.label("This section is not in the rally file.", "status-bad"));
        } else if (standings.entries().isEmpty()) {
            tableScroll.setContent(Grid.Cells.label("No car has a result.", "muted"));
        } else {
            javafx.scene.layout.GridPane table = StandingsView.table("final-standings", standings,
                    Integer.MAX_VALUE, shown == null ? Set.of() : shown);
            table.getStyleClass().add("final-grid");
            tableScroll.setContent(table);
        }
    }

    private void nextSection() {
        context.day().audience().showWelcome();
        Optional<String> next = nextSectionId();
        if (next.isPresent()) {
            context.go().checkIn(next.get());
        } else {
            context.go().home();
        }
    }

    /** The next section after this one (wrapping round) that is not complete and has its roster loaded. */
    private Optional<String> nextSectionId() {
        List<SectionState> all = context.session().state().sections();
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).sectionId().equals(sectionId)) {
                at = i;
            }
        }
        for (int k = 1; k <= all.size(); k++) {
            SectionState s = all.get((at + k) % all.size());
            if (!s.sectionId().equals(sectionId) && !s.completed() && s.rosterLoaded()) {
                return Optional.of(s.sectionId());
            }
        }
        return Optional.empty();
    }
}
