package org.rallylab.app.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/** The keyboard shortcuts of the operator window: one place, so tooltips and the help screen agree. */
public final class Keys {

    public static final KeyCombination NEXT_HEAT = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination RERUN = KeyCombination.keyCombination("Shortcut+R");
    public static final KeyCombination RERUN_DNF = KeyCombination.keyCombination("Shortcut+D");
    public static final KeyCombination MANUAL_RANK = KeyCombination.keyCombination("Shortcut+M");
    public static final KeyCombination ENTER_TIMES = KeyCombination.keyCombination("Shortcut+T");
    public static final KeyCombination REPLAY_RESULTS = KeyCombination.keyCombination("Shortcut+L");
    public static final KeyCombination REMOVE_CAR = KeyCombination.keyCombination("Shortcut+Shift+X");
    public static final KeyCombination CORRECT_LANES = KeyCombination.keyCombination("Shortcut+Shift+C");
    public static final KeyCombination CHANGE_LANES = KeyCombination.keyCombination("Shortcut+Shift+L");
    public static final KeyCombination END_EARLY = KeyCombination.keyCombination("Shortcut+Shift+E");
    public static final KeyCombination REVEAL_NEXT = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination SEARCH = KeyCombination.keyCombination("Shortcut+F");
    public static final KeyCombination CHECK_IN_ALL = KeyCombination.keyCombination("Shortcut+Shift+A");
    /** The simulated track's start gate (the track card): drop it; after the race, reset it. */
    public static final KeyCombination GATE = KeyCombination.keyCombination("Shortcut+G");

    /** Global: any screen. */
    public static final KeyCombination HELP = KeyCombination.keyCombination("F1");
    public static final KeyCombination AUDIENCE_FULL_SCREEN = KeyCombination.keyCombination("F11");
    public static final KeyCombination AUDIENCE_WINDOW = KeyCombination.keyCombination("F10");
    public static final KeyCombination HOME = KeyCombination.keyCombination("Shortcut+H");
    public static final KeyCombination CONSOLE = KeyCombination.keyCombination("Shortcut+K");
    public static final KeyCombination INSPECTOR = KeyCombination.keyCombination("Shortcut+I");

    private Keys() {
    }

    /** Adds "(Ctrl+N)" to a control's tooltip, so the shortcut is found by hovering. */
    public static <C extends Control> C hint(C control, String what, KeyCombination keys) {
        control.setTooltip(new Tooltip(what + " (" + keys.getDisplayText() + ")"));
        return control;
    }
}
