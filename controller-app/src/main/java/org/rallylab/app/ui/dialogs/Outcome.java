package org.rallylab.app.ui.dialogs;

import java.util.Objects;
import javafx.scene.Node;
import org.rallylab.domain.command.Decision;

/**
 * What a dialog's input amounts to right now: the answer, or the problem to show under the form
 * (and the control to put the cursor in). A {@code missing} problem (nothing typed yet) is only
 * shown once the operator has tried to confirm; a conflict is shown as soon as it appears.
 */
record Outcome<T>(T value, String problem, Node where, boolean missing) {

    static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null, null, false);
    }

    /** Input that the rules would refuse. */
    static <T> Outcome<T> refuse(String problem, Node where) {
        return new Outcome<>(null, Objects.requireNonNull(problem, "problem"), where, false);
    }

    /**
     * The rules' answer to the command the input makes (a preview, nothing written): {@code value}
     * when they accept it, else their message as the problem.
     */
    static <T> Outcome<T> asked(Decision decision, T value, Node where) {
        return decision instanceof Decision.Accepted ? ok(value) : refuse(decision.message(), where);
    }

    /** Input not given yet, or not finished (a time half typed): shown once confirming is tried. */
    static <T> Outcome<T> missing(String problem, Node where) {
        return new Outcome<>(null, Objects.requireNonNull(problem, "problem"), where, true);
    }

    boolean valid() {
        return problem == null;
    }
}
