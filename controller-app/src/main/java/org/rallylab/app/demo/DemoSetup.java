package org.rallylab.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.track.SimulatedTrack;

/**
 * The app's demo: a rally file ready for race day (the rally, three sections with seeded names,
 * rosters loaded, nothing raced) and a simulated 6-lane track to race it on, by hand or with the
 * {@link Autopilot}. The track is a place to practise: like a real one it races when the gate
 * drops, which the operator does from the track card, and stages the next heat when the gate is
 * closed again.
 */
public final class DemoSetup {

    public static final String RALLY_NAME = "RallyLab Demo Rally";
    public static final String BEAVER_BUGGIES = "Beaver Buggies";
    public static final String KUB_KARS = "Kub Kars";
    public static final String SCOUT_TRUCKS = "Scout Trucks";
    /** Lanes of the demo's simulated track. */
    public static final int TRACK_LANES = 6;
    /**
     * Real time: a heat takes 2.4 to 3.4 s down the track after the gate drops (the autopilot's
     * simulated crew drops it 1.5 s after the heat is armed).
     */
    public static final double APP_SPEED_FACTOR = 1.0;

    private static final String ORGANIZER = "organizer@example.org";

    /** Cars per section. */
    public record Counts(int beaverBuggies, int kubKars, int scoutTrucks) {
        public static final Counts DEFAULT = new Counts(8, 14, 9);
        public static final int MIN = 2;
        public static final int MAX = 200;

        public Counts {
            for (int n : new int[] {beaverBuggies, kubKars, scoutTrucks}) {
                if (n < MIN || n > MAX) {
                    throw new IllegalArgumentException("a demo section has " + MIN + " to " + MAX + " cars, not " + n);
                }
            }
        }
    }

    private DemoSetup() {
    }

    /**
     * Creates {@code file} (which must not exist) with the demo rally, dated today by
     * {@code clock}, and returns it open for racing on this thread. Same seed, same names.
     */
    public static RallySession create(Path file, Clock clock, long seed, Counts counts) throws RallyFileException {
        RallySession session = RallySession.create(file, clock);
        try {
            Random random = new Random(seed);
            String rallyId = UUID.randomUUID().toString();
            accept(session, new Command.CreateRally(rallyId, RALLY_NAME, LocalDate.now(clock).toString(), ORGANIZER));
            section(session, random, rallyId, BEAVER_BUGGIES, counts.beaverBuggies(), "");
            section(session, random, rallyId, KUB_KARS, counts.kubKars(), "");
            section(session, random, rallyId, SCOUT_TRUCKS, counts.scoutTrucks(), "T");
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * The demo's track: {@value #TRACK_LANES} lanes, seeded; {@code speedFactor} as
     * {@link SimulatedTrack.Builder#speedFactor}. Its gate waits for the operator
     * ({@link org.rallylab.track.StartGate}); the autopilot hands it to the simulated crew.
     */
    public static SimulatedTrack simulatedTrack(long seed, double speedFactor) {
        return SimulatedTrack.builder().seed(seed).lanes(TRACK_LANES).speedFactor(speedFactor)
                .gateDelay(Duration.ofMillis(1500)).automaticGate(false).build();
    }

    /** The lanes a section races on: every lane of the track, but Scout Trucks on 1, 3, 5 when it has 5 or more. */
    public static List<Integer> lanesFor(String sectionName, int trackLanes) {
        if (SCOUT_TRUCKS.equals(sectionName) && trackLanes >= 5) {
            return List.of(1, 3, 5);
        }
        return IntStream.rangeClosed(1, Math.max(2, trackLanes)).boxed().toList();
    }

    /** A name for a new demo file in {@code folder}: demo.rallylab, demo-2.rallylab, ... (the folder is created). */
    public static Path freeFile(Path folder) throws RallyFileException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new RallyFileException(RallyFileException.Reason.IO, folder,
                    "Could not create the folder " + folder + ": " + e.getMessage(), e);
        }
        Path candidate = folder.resolve("demo" + RallyFile.EXTENSION);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve("demo-" + i + RallyFile.EXTENSION);
        }
        return candidate;
    }

    private static void section(RallySession session, Random random, String rallyId, String name, int cars,
                                String prefix) {
        String sectionId = UUID.randomUUID().toString();
        accept(session, new Command.CreateSection(sectionId, name, ORGANIZER));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cars; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        accept(session, new Command.LoadRoster(rallyId, sectionId, name,
                DemoRoster.participants(random, cars, prefix, i -> ids.get(i - 1))));
    }

    private static void accept(RallySession session, Command command) {
        Decision d = session.execute(command);
        if (!(d instanceof Decision.Accepted)) {
            throw new IllegalStateException("demo setup: " + command.getClass().getSimpleName() + " was not accepted: "
                    + d.message());
        }
    }
}
