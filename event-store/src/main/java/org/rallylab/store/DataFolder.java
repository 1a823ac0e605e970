package org.rallylab.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The per-user data folder of each platform, where rally files live unless the user picks another. */
final class DataFolder {

    static final String APP = "RallyLab";

    private DataFolder() {
    }

    static Path of(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (blank(appData) ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve(APP);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored
        String xdg = env.get("XDG_DATA_HOME");
        if (!blank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(APP);
        }
        return home.resolve(".local").resolve("share").resolve(APP);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
