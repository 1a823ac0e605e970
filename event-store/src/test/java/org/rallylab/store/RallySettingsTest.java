package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings kept with a rally (the backup folder): saved, read back after reopening, forgotten; events untouched. */
class RallySettingsTest {

    @TempDir
    Path folder;

    @Test
    void aSetting_survivesReopening_andCanBeForgotten_withoutTouchingTheEvents() throws Exception {
        Path path = folder.resolve("r" + RallyFile.EXTENSION);
        try (RallyFile file = RallyFile.create(path)) {
            file.append(RallyLogs.opening(2));
            assertThat(file.setting("backup_folder")).isEmpty();
            file.putSetting("backup_folder", "/media/STICK");
        }
        try (RallyFile file = RallyFile.openForWriting(path)) {
            assertThat(file.setting("backup_folder")).contains("/media/STICK");
            file.putSetting("backup_folder", null);
            assertThat(file.setting("backup_folder")).isEmpty();
            assertThat(file.lastSequence()).isEqualTo(RallyLogs.opening(2).size());
            assertThat(file.verify().problems()).isEmpty();
        }
        try (RallyFile reader = RallyFile.openReadOnly(path)) {
            assertThatThrownBy(() -> reader.putSetting("x", "y")).isInstanceOf(IllegalStateException.class);
        }
    }
}
