package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void of_windowsWithAppData_isAppDataRallyLab() {
        assertThat(DataFolder.of("Windows 11", Map.of("APPDATA", "C:\\Users\\ava\\AppData\\Roaming"), "C:\\Users\\ava"))
                .isEqualTo(Path.of("C:\\Users\\ava\\AppData\\Roaming").resolve("RallyLab"));
    }

    @Test
    void of_windowsWithoutAppData_isUnderTheHomeFolder() {
        assertThat(DataFolder.of("Windows 10", Map.of(), "/users/ava"))
                .isEqualTo(Path.of("/users/ava", "AppData", "Roaming", "RallyLab"));
    }

    @Test
    void of_macOs_isApplicationSupport() {
        assertThat(DataFolder.of("Mac OS X", Map.of("XDG_DATA_HOME", "/xdg"), "/Users/ava"))
                .isEqualTo(Path.of("/Users/ava/Library/Application Support/RallyLab"));
    }

    @Test
    void of_linuxWithXdgDataHome_isUnderIt() {
        assertThat(DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "/data/ava"), "/home/ava"))
                .isEqualTo(Path.of("/data/ava/RallyLab"));
    }

    @Test
    void of_linuxWithoutOrWithRelativeXdgDataHome_isLocalShare() {
        assertThat(DataFolder.of("Linux", Map.of(), "/home/ava")).isEqualTo(Path.of("/home/ava/.local/share/RallyLab"));
        assertThat(DataFolder.of("Linux", Map.of("XDG_DATA_HOME", "relative/data"), "/home/ava"))
                .isEqualTo(Path.of("/home/ava/.local/share/RallyLab"));
    }
}
