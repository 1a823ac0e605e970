package org.rallylab.sync.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * A raced rally with server-shaped ids (UUIDs), written to a rally file: sections of 30 cars on
 * 6 lanes raced to the end with seeded times, a re-run per section, until at least
 * {@code minEvents} events. The commands go through the race rules like an operator's.
 */
final class RacedRally {

    final String rallyId = UUID.randomUUID().toString();
    final List<String> sections = new ArrayList<>();
    private final RaceRules rules = new RaceRules();
    private final RallyState state = RallyState.empty();
    private final List<DomainEvent> log = new ArrayList<>();
    private final Random random = new Random(5);
    private long clock = 1_790_000_000_000L;
    private int races;

    static RacedRally raced(int minEvents, String organizerEmail) {
        RacedRally r = new RacedRally();
        r.accept(new Command.CreateRally(r.rallyId, "Cloud Rally", "2026-11-22", organizerEmail));
        while (r.log.size() < minEvents) {
            r.section(30);
        }
        return r;
    }

    List<DomainEvent> events() {
        return List.copyOf(log);
    }

    Path write(Path file) throws RallyFileException {
        try (RallyFile rally = RallyFile.create(file)) {
            rally.append(log);
        }
        return file;
    }

    private void section(int cars) {
        String id = UUID.randomUUID().toString();
        sections.add(id);
        String name = "Section " + sections.size();
        accept(new Command.CreateSection(id, name, null));
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            roster.add(new Participant(UUID.randomUUID().toString(), "Driver " + i, String.valueOf(i)));
        }
        accept(new Command.LoadRoster(rallyId, id, name, roster));
        for (int i = 1; i <= cars; i++) {
            accept(new Command.MarkArrived(id, String.valueOf(i)));
        }
        accept(new Command.StartSection(id, List.of(1, 2, 3, 4, 5, 6)));
        boolean rerun = false;
        while (!section(id).completed()) {
            if (section(id).heatOnTrack().isPresent()) {
                Heat heat = section(id).heatOnTrack().get();
                Map<Integer, Long> times = new HashMap<>();
                for (int lane : heat.laneNumbers()) {
                    times.put(lane, 2_500L + random.nextInt(900));
                }
                accept(new Command.RecordRace(id, heat.number(), "race-" + (++races), times, null, null, false));
                if (!rerun && heat.number() == 3) {
                    rerun = true;
                    accept(new Command.DeclareRerun(id, 3, "False start"));
                    continue;
                }
            }
            accept(new Command.StageNextHeat(id));
        }
    }

    private SectionState section(String id) {
        return state.section(id).orElseThrow();
    }

    private void accept(Command command) {
        clock += 1_000;
        Decision d = rules.decide(state, command, clock);
        if (!(d instanceof Decision.Accepted)) {
            throw new IllegalStateException(command + ": " + d.message());
        }
        for (DomainEvent e : d.events()) {
            log.add(e);
            state.apply(e);
        }
    }
}
