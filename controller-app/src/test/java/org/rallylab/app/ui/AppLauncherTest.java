package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.app.demo.DemoSetup;

class AppLauncherTest {

    @Test
    void launch_linuxWithoutADisplay_isToldWhatToDo() {
        String message = AppLauncher.noDisplay("Linux", Map.of(), "");
        assertThat(message).contains("needs a screen").contains("DISPLAY").contains("./rallylab demo");
        assertThat(AppLauncher.noDisplay("Linux", Map.of("DISPLAY", ":0"), "")).isNull();
        assertThat(AppLauncher.noDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), "")).isNull();
        assertThat(AppLauncher.noDisplay("Linux", Map.of(), "Monocle")).isNull();
        assertThat(AppLauncher.noDisplay("Windows 11", Map.of(), "")).isNull();
        assertThat(AppLauncher.noDisplay("Mac OS X", Map.of(), "")).isNull();
    }

    @Test
    void launch_conflictingOptions_areRefusedWithTheFix() {
        Path data = Path.of("data");
        assertThatThrownBy(() -> new AppOptions(false, true, false, null, null, DemoSetup.Counts.DEFAULT, 1, 1, data))
                .hasMessageContaining("--autopilot needs a rally");
        assertThatThrownBy(() -> new AppOptions(true, false, true, null, null, DemoSetup.Counts.DEFAULT, 1, 1, data))
                .hasMessageContaining("--exit-when-done only makes sense with --autopilot");
        assertThatThrownBy(() -> new AppOptions(true, false, false, null, null, DemoSetup.Counts.DEFAULT, 0, 1, data))
                .hasMessageContaining("--speed");
        assertThat(new AppOptions(true, false, false, null, null, DemoSetup.Counts.DEFAULT, 1, 1, data)
                .effectiveTrack()).isEqualTo("sim");
        assertThat(AppOptions.plain(data).effectiveTrack()).isNull();
    }
}
