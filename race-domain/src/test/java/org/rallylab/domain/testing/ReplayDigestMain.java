package org.rallylab.domain.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.state.RallyState;

/** Run in a child JVM: replays a JSON Lines log and prints the state's digest. */
public final class ReplayDigestMain {

    private ReplayDigestMain() {
    }

    public static void main(String[] args) throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            events.add(EventJson.read(line));
        }
        System.out.println(StateDigest.sha256(RallyState.replay(events)));
    }
}
