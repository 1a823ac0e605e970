package org.rallylab.bench.track;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.PicoTrack;

/**
 * Line to commit: the time from the last byte of a completed-race frame being written into the
 * serial line (a socat pty pair; the device end is {@link FakePico}) to the RaceCompleted event
 * committed durably in a rally file. The host side is the real path: jSerialComm, the line
 * builder, the protocol client and {@link PicoTrack} on its event thread, then a controller
 * thread (here: the caller) that decides the command and appends it. Each race is followed by
 * a re-run of the same heat, which is not timed.
 */
public final class TrackLatency {

    /**
     * Medians and 99th percentiles: {@code deliveredMs} from the frame's last byte to the race
     * reaching the controller thread, {@code commitMs} the decide-and-append that follows, and
     * the whole line-to-commit time.
     */
    public record Result(double medianMs, double p99Ms, int races, double deliveredMedianMs, double deliveredP99Ms,
                         double commitMedianMs, double commitP99Ms) {
    }

    private TrackLatency() {
    }

    public static void main(String[] args) throws Exception {
        int races = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        Result r = measure(races, 50);
        System.out.printf(Locale.ROOT, "{\"track_line_to_commit_median_ms\":%.3f,\"track_line_to_commit_p99_ms\":%.3f}%n",
                r.medianMs(), r.p99Ms());
        System.err.printf(Locale.ROOT, "serial to controller: median %.3f ms, p99 %.3f ms; decide+append: median %.3f ms, "
                + "p99 %.3f ms%n", r.deliveredMedianMs(), r.deliveredP99Ms(), r.commitMedianMs(), r.commitP99Ms());
    }

    /** Runs {@code warmup} untimed races, then {@code races} timed ones. */
    public static Result measure(int races, int warmup) throws Exception {
        Path folder = Files.createTempDirectory("rallylab-track-bench");
        Path host = folder.resolve("ttyHost");
        Path device = folder.resolve("ttyPico");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(folder.resolve("socat.log").toFile()).start();
        FakePico pico = new FakePico(device);
        try {
            awaitLinks(host, device, socat);
            Thread fake = new Thread(pico, "fake-pico");
            fake.setDaemon(true);
            fake.start();
            try (RallyFile file = RallyFile.create(folder.resolve("bench.rallylab"));
                 PicoTrack track = PicoTrack.overSerial(host.toString())) {
                track.start();
                return run(file, track, pico, races, warmup);
            }
        } finally {
            pico.stop();
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Result run(RallyFile file, PicoTrack track, FakePico pico, int races, int warmup) throws Exception {
        RaceRules rules = new RaceRules();
        RallyState state = RallyState.empty();
        execute(file, rules, state, new Command.CreateRally("bench-rally", "Latency Bench", null, null));
        execute(file, rules, state, new Command.CreateSection("s", "Kub Kars", null));
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            roster.add(new Participant("p" + i, "Driver " + i, String.valueOf(i)));
        }
        execute(file, rules, state, new Command.LoadRoster("bench-rally", "s", "Kub Kars", roster));
        for (int i = 1; i <= 4; i++) {
            execute(file, rules, state, new Command.MarkArrived("s", String.valueOf(i)));
        }
        execute(file, rules, state, new Command.StartSection("s", List.of(1, 2, 3, 4)));
        double[] latencies = new double[races];
        double[] delivered = new double[races];
        double[] commits = new double[races];
        String lastRace = null;
        for (int i = 0; i < warmup + races; i++) {
            SectionState section = state.section("s").orElseThrow();
            Heat heat = section.heatOnTrack().orElseThrow();
            CompletedRace race = track.race(heat, lastRace).get(30, TimeUnit.SECONDS);
            long arrived = System.nanoTime();
            execute(file, rules, state, new Command.RecordRace("s", heat.number(), race.raceId(), race.timesMs(),
                    race.timesUs(), race.raceTimeoutMs(), false));
            long committed = System.nanoTime();
            long written = writtenAt(pico, race.raceId());
            if (i >= warmup) {
                latencies[i - warmup] = (committed - written) / 1e6;
                delivered[i - warmup] = (arrived - written) / 1e6;
                commits[i - warmup] = (committed - arrived) / 1e6;
            }
            lastRace = race.raceId();
            execute(file, rules, state, new Command.DeclareRerun("s", heat.number(), "benchmark"));
        }
        Arrays.sort(latencies);
        Arrays.sort(delivered);
        Arrays.sort(commits);
        return new Result(percentile(latencies, 50), percentile(latencies, 99), races, percentile(delivered, 50),
                percentile(delivered, 99), percentile(commits, 50), percentile(commits, 99));
    }

    private static void execute(RallyFile file, RaceRules rules, RallyState state, Command command) throws Exception {
        Decision decision = rules.decide(state, command, System.currentTimeMillis());
        if (!(decision instanceof Decision.Accepted)) {
            throw new IllegalStateException(command + ": " + decision.message());
        }
        for (StoredEvent stored : file.append(decision.events())) {
            DomainEvent event = stored.event();
            state.apply(event);
        }
    }

    /** When the fake Pico wrote the race's last byte (it notes that just after the write returns). */
    private static long writtenAt(FakePico pico, String raceId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Long written;
        while ((written = pico.writtenAt().get(raceId)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("race " + raceId + " was not written by the fake Pico");
            }
            Thread.onSpinWait();
        }
        return written;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static void awaitLinks(Path host, Path device, Process socat) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(host) && Files.exists(device))) {
            if (!socat.isAlive()) {
                throw new IOException("socat exited before making the pty pair; is socat installed? (apt-get install socat)");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not make the pty pair within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
