package org.rallylab.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;

class DemoRallyTest {

    /** The command line's demo must not change when the demo code is shared with the app's (names, times, ids). */
    @Test
    void standard_seed2026_sameLogAsBeforeTheNameGeneratorWasShared() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (List<DomainEvent> batch : DemoRally.standard(2026)) {
            for (DomainEvent event : batch) {
                md5.update((EventJson.write(event) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(HexFormat.of().formatHex(md5.digest())).isEqualTo("1cc160a8f7487a9ea2df8b2e045580f1");
    }
}
