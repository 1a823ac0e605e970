package org.rallylab.app.ui.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.OperatorScreen;
import org.rallylab.app.ui.Ui;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Rally home: one card per section with its counts, status and the actions that apply now
 * (edit roster, check in, start, race console, final standings), plus rally setup and the event
 * inspector. Refreshed after every accepted command.
 */
public final class RallyHome implements OperatorScreen {

    private static final String CSS = RallyHome.class.getResource("home.css").toExternalForm();

    private final OperatorContext context;
    private final FlowPane cards = new FlowPane(16, 16);
    private final Label summary = Ui.label("", "big", "rally-summary");
    private final VBox root;
    private final Subscription subscription;
    private boolean focused;

    public RallyHome(OperatorContext context) {
        this.context = context;
        cards.setId("section-cards");
        cards.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("home-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button setup = Ui.button("Rally setup", "rally-setup", context.go()::editRally);
        Button inspector = Ui.button("Event inspector", "event-inspector", context.go()::inspector);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, summary, gap, setup, inspector);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        root = new VBox(14, top, scroll);
        root.setPadding(new Insets(18));
        root.getStyleClass().add("rally-home");
        root.getStylesheets().add(CSS);
        refresh(context.session().state());
        subscription = context.session().addListener(change -> refresh(change.state()));
    }

    @Override
    public String title() {
        RallyState state = context.session().state();
        String name = state.rallyName().isEmpty() ? "Rally" : state.rallyName();
        return state.rallyDate().map(d -> name + " – " + d).orElse(name);
    }

    @Override
    public Parent view() {
        return root;
    }

    @Override
    public void dispose() {
        subscription.close();
    }

    private void refresh(RallyState state) {
        String focusedId = focusedCardButton();
        List<SectionCard> built = new ArrayList<>();
        int people = 0;
        int arrived = 0;
        for (SectionState s : state.sections()) {
            built.add(new SectionCard(s, context.go()));
            people += SectionStatus.participants(s);
            arrived += s.arrivedCars().size();
        }
        cards.getChildren().setAll(built.stream().map(SectionCard::view).toList());
        if (built.isEmpty()) {
            cards.getChildren().add(Ui.label("No sections yet: open Rally setup to add sections and rosters.",
                    "big", "muted"));
        }
        int sections = built.size();
        summary.setText(sections + (sections == 1 ? " section · " : " sections · ") + people + " participants · "
                + arrived + " checked in");
        if (!focused) {
            focused = true;
            firstAction(built).ifPresent(FirstFocus::request);
        } else if (focusedId != null) {
            // the cards were rebuilt under the operator's focus: keep it on the same action
            Optional<Button> same = built.stream().flatMap(c -> c.buttons().stream())
                    .filter(b -> focusedId.equals(b.getId())).findFirst();
            same.or(() -> firstAction(built)).ifPresent(Button::requestFocus);
        }
    }

    private String focusedCardButton() {
        if (root.getScene() == null || !(root.getScene().getFocusOwner() instanceof Button b)) {
            return null;
        }
        for (javafx.scene.Node n = b; n != null; n = n.getParent()) {
            if (n == cards) {
                return b.getId();
            }
        }
        return null;
    }

    /** The racing section's console button if one is racing, else the first card's main action. */
    private static Optional<Button> firstAction(List<SectionCard> built) {
        for (SectionCard card : built) {
            Optional<Button> b = card.mainAction();
            if (b.isPresent() && b.get().getId().startsWith("console-")) {
                return b;
            }
        }
        return built.stream().flatMap(c -> c.mainAction().stream()).findFirst();
    }
}
