package org.rallylab.app.ui;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/**
 * Starts the JavaFX app from {@code rallylab} with no subcommand (a plain class, so the shaded jar
 * runs it with {@code java -jar} / {@code java -cp}). Refuses politely where there is no screen.
 */
public final class AppLauncher {

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'"
     * because the app runs from one jar on the class path rather than from modules. It works the
     * same; the warning would only worry a volunteer. Held here so the setting is not collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private AppLauncher() {
    }

    /** Runs the app until its last window closes; returns the exit code. Its console lines go to {@code out} and {@code err}. */
    public static int launch(AppOptions options, PrintWriter out, PrintWriter err) {
        String noDisplay = noDisplay(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform", ""));
        if (noDisplay != null) {
            err.println("rallylab: " + noDisplay);
            err.flush();
            return 1;
        }
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        RallyLabApp.prepare(options, out, err);
        try {
            Application.launch(RallyLabApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("rallylab: the window could not be opened (" + e.getMessage() + "). " + WITHOUT_WINDOW);
            err.flush();
            return 1;
        }
        return RallyLabApp.exitCode();
    }

    static final String WITHOUT_WINDOW = "Without a screen you can still use the command line: ./rallylab demo, "
            + "./rallylab standings FILE --section NAME, ./rallylab --help.";

    /** Why no window can open here (Linux without DISPLAY or WAYLAND_DISPLAY), or null when one can. */
    static String noDisplay(String osName, Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return null;
        }
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "RallyLab's window needs a screen, and this session has none (DISPLAY is not set). Start it from "
                    + "the laptop's desktop. " + WITHOUT_WINDOW;
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
