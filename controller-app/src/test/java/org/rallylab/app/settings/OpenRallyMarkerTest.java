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
    void leftOpen_rallyNotClosed_isFoundWithItsTrackUntilClosed() throws Exception {
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
    void leftOpen_noTrackOption_isKeptAsNoneGiven() throws Exception {
        Path rally = Files.writeString(folder.resolve("a.rallylab"), "x");
        OpenRallyMarker marker = new OpenRallyMarker(folder);
        marker.opened(new OpenRallyMarker.Open(rally, null));
        assertThat(marker.leftOpen()).hasValueSatisfying(open -> assertThat(open.track()).isNull());
    }

    @Test
    void leftOpen_vanishedFileOrUnreadableMarker_isIgnored() throws Exception {
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
