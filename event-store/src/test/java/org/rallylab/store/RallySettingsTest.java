package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A setting an earlier RallyLab kept in the rally file (the backup folder) is still read, to be
 * offered; it is not part of the log, so neither the chain nor verify minds it.
 */
class RallySettingsTest {

    @TempDir
    Path folder;

    @Test
    void setting_leftInTheFileByAnEarlierRallyLab_isReadBack_eventsUntouched() throws Exception {
        Path path = folder.resolve("r" + RallyFile.EXTENSION);
        try (RallyFile file = RallyFile.create(path)) {
            file.append(RallyLogs.opening(2));
            assertThat(file.setting("backup_folder")).isEmpty();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + path); Statement s = db.createStatement()) {
            s.execute("INSERT INTO metadata (key, value) VALUES ('setting.backup_folder', '/media/STICK')");
        }
        try (RallyFile file = RallyFile.openForWriting(path)) {
            assertThat(file.setting("backup_folder")).contains("/media/STICK");
            assertThat(file.lastSequence()).isEqualTo(RallyLogs.opening(2).size());
            assertThat(file.verify().problems()).isEmpty();
        }
    }
}
