package org.rallylab.app.ui;

import java.util.Objects;
import javafx.stage.Window;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Decision;

/**
 * What an operator screen may use while a rally is open: the race day (session, loop, audience),
 * the way to other screens, and the notice bar. Every call is on the JavaFX thread.
 */
public interface OperatorContext {

    /** The open rally wired for racing. */
    RaceDay day();

    /** The open rally file: {@code day().session()}. */
    default RallySession session() {
        return day().session();
    }

    /** How to reach the other screens. */
    Navigator go();

    /** The operator window (owner of dialogs). */
    Window window();

    /**
     * Shows the decision's message in the notice bar unless it was accepted; returns whether it was
     * accepted. Use it for every command a screen executes.
     */
    default boolean tell(Decision decision) {
        Objects.requireNonNull(decision, "decision");
        if (decision instanceof Decision.Accepted) {
            return true;
        }
        notice(decision.message());
        return false;
    }

    /** Shows {@code message} in the operator window's notice bar (one line, until the next notice). */
    void notice(String message);
}
