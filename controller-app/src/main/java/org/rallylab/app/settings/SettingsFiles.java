package org.rallylab.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** What the laptop's settings files share: one that cannot be read is moved aside, never lost, and starts over. */
final class SettingsFiles {

    private static final System.Logger LOG = System.getLogger(SettingsFiles.class.getName());

    private SettingsFiles() {
    }

    /**
     * Moves {@code file}, which cannot be read ({@code why}), to {@code <name>.bak} beside it and
     * says so in the log; {@code startsOver} tells what the operator will notice.
     */
    static void setAside(Path file, String what, Exception why, String startsOver) {
        Path aside = file.resolveSibling(file.getFileName() + ".bak");
        LOG.log(System.Logger.Level.WARNING, "The " + what + " " + file + " cannot be read (" + why.getMessage()
                + "); it was moved to " + aside + ": " + startsOver + ".");
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not move " + file + " aside: " + e.getMessage());
        }
    }
}
