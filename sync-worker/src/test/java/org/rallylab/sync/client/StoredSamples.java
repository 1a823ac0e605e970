package org.rallylab.sync.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;

/** Real rally files with sample events, for client and worker tests. */
public final class StoredSamples {

    private StoredSamples() {
    }

    /** A new rally file in {@code folder} holding one event of every type (docs/events.md). */
    public static RallyFile everyType(Path folder) throws Exception {
        RallyFile file = RallyFile.create(folder.resolve("samples.rallylab"));
        file.append(SampleEvents.everyType());
        return file;
    }

    /** A new rally file holding the sample events and then CarArrived events up to {@code total} events. */
    public static RallyFile withEvents(Path folder, int total) throws Exception {
        RallyFile file = RallyFile.create(folder.resolve("rally.rallylab"));
        List<DomainEvent> events = new ArrayList<>(SampleEvents.everyType().subList(0, 2));
        for (int i = events.size(); i < total; i++) {
            events.add(new CarArrived(1_708_012_400_000L + i, SampleEvents.RALLY, SampleEvents.SECTION,
                    Integer.toString(i), Extras.NONE));
        }
        file.append(events.subList(0, total));
        return file;
    }

    public static List<StoredEvent> all(RallyFile file) throws Exception {
        return file.readAfter(0, Integer.MAX_VALUE);
    }
}
