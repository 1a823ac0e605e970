package org.rallylab.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenRallyMarkerTest {

    @TempDir
    Path folder;

    @Test
    void a_rally_left_open_is_found_with_its_track_until_closed() throws Exception {
        Path rally = Files.writeString(folder.resolve("spring.rallylab"), "x");
        OpenRallyMarker marker = new OpenRallyMarker(folder.resolve("settings"));
        assertThat(marker.leftOpen()).isEmpty();

        marker.opened(new OpenRallyMarker.Open(rally, "sim"));
        assertThat(new OpenRallyMarker(folder.resolve("settings")).leftOpen())
                .contains(new OpenRallyMarker.Open(rally.toAbsolutePath(), "sim"));

        marker.closed();
        assertThat(marker.leftOpen()).isEmpty();
    }

    @Test
    void no_track_option_is_kept_as_none_given() throws Exception {
        Path rally = Files.writeString(folder.resolve("a.rallylab"), "x");
        OpenRallyMarker marker = new OpenRallyMarker(folder);
        marker.opened(new OpenRallyMarker.Open(rally, null));
        assertThat(marker.leftOpen()).hasValueSatisfying(open -> assertThat(open.track()).isNull());
    }

    @Test
    void a_vanished_rally_file_or_an_unreadable_marker_is_ignored() throws Exception {
        Path rally = Files.writeString(folder.resolve("gone.rallylab"), "x");
        OpenRallyMarker marker = new OpenRallyMarker(folder);
        marker.opened(new OpenRallyMarker.Open(rally, "sim"));
        Files.delete(rally);
        assertThat(marker.leftOpen()).isEmpty();

        Files.writeString(folder.resolve(OpenRallyMarker.FILE_NAME), "{not json");
        assertThat(marker.leftOpen()).isEmpty();
        Files.write(folder.resolve(OpenRallyMarker.FILE_NAME), new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(marker.leftOpen()).isEmpty();
    }
}
