package org.rallylab.store.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.testing.RaceDay;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;

/**
 * Raced rallies with UUID ids for the backup tests, driven through the operator's commands
 * ({@link RaceDay}), and rally files holding them, some sections pulled from a cloud server as
 * if another laptop had raced them.
 */
final class BackupRallies {

    static final String RALLY = "3f6c2a1e-7b5d-4c8e-9a10-2b3c4d5e6f70";
    static final String OTHER_RALLY = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    static final String RALLY_NAME = "Kub Kar Rally — Été 2026";
    static final String CLOUD = "supabase:https://rally.example.supabase.co";
    static final String SECOND_CLOUD = "supabase:https://spare.example.supabase.co";
    static final long FIRST_SERVER_ID = 1_000;

    private BackupRallies() {
    }

    static String section(int n) {
        return String.format("5a1b2c3d-4e5f-4a6b-8c7d-%012d", n);
    }

    /**
     * A whole rally: {@code sections} sections of {@code cars} cars each raced to the end on 4
     * lanes; in section 1 the first heat is re-run and a car does not finish the re-run.
     */
    static List<DomainEvent> racedRally(int sections, int cars) {
        RaceDay day = new RaceDay();
        day.accept(new Command.CreateRally(RALLY, RALLY_NAME, "2026-02-15", "organizer@example.org"));
        for (int s = 1; s <= sections; s++) {
            List<Participant> roster = new ArrayList<>();
            for (int car = 1; car <= cars; car++) {
                roster.add(new Participant("p-" + s + "-" + car, "Driver " + s + "." + car, String.valueOf(car)));
            }
            day.accept(new Command.CreateSection(section(s), "Section " + s, "organizer@example.org"));
            day.accept(new Command.LoadRoster(RALLY, section(s), "Section " + s, roster));
        }
        for (int s = 1; s <= sections; s++) {
            String id = section(s);
            day.checkInAll(id).start(id, 1, 2, 3, 4);
            if (s == 1) {
                day.race(id, lane -> 3_000);
                day.accept(new Command.DeclareRerun(id, 1, "car jumped the track"));
                day.race(id, lane -> lane == 3 ? -1 : 2_500L + 10L * lane);
                day.next(id);
            }
            day.raceToTheEnd(id);
        }
        return day.log();
    }

    /** One more event of the rally (an operator invited), to change the log after a backup. */
    static OperatorInvited invite(int n) {
        return new OperatorInvited(1_800_000_000_000L + n, RALLY, "operator" + n + "@example.org",
                "organizer@example.org", Extras.NONE);
    }

    /**
     * A new rally file holding {@code log}, open for writing: the events of {@code pulledSections}
     * were pulled from {@link #CLOUD} (server row ids from {@link #FIRST_SERVER_ID}, with gaps),
     * the rest written here; {@link #CLOUD} acknowledged the first 5 events and
     * {@link #SECOND_CLOUD} none.
     */
    static RallyFile rallyFile(Path path, List<DomainEvent> log, Set<String> pulledSections)
            throws RallyFileException {
        RallyFile file = RallyFile.create(path);
        try {
            long serverId = FIRST_SERVER_ID;
            int start = 0;
            while (start < log.size()) {
                boolean pulled = pulledSections.contains(Objects.toString(log.get(start).sectionId(), ""));
                int end = start + 1;
                while (end < log.size()
                        && pulledSections.contains(Objects.toString(log.get(end).sectionId(), "")) == pulled) {
                    end++;
                }
                if (pulled) {
                    List<RemoteEvent> remote = new ArrayList<>();
                    for (DomainEvent e : log.subList(start, end)) {
                        remote.add(new RemoteEvent(serverId, e));
                        serverId += 3;
                    }
                    file.sync().appendFromServer(CLOUD, remote, serverId);
                } else {
                    file.append(log.subList(start, end));
                }
                start = end;
            }
            file.sync().acknowledge(CLOUD, Math.min(5, file.lastSequence()));
            file.sync().acknowledge(SECOND_CLOUD, 0);
            return file;
        } catch (RallyFileException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** A raced rally of 3 sections of 8 cars, section 2 pulled from the cloud. */
    static RallyFile typical(Path path) throws RallyFileException {
        return rallyFile(path, racedRally(3, 8), Set.of(section(2)));
    }
}
