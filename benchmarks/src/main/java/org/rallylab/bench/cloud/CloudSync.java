package org.rallylab.bench.cloud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.rallylab.bench.BenchmarkRallies;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.pg.PgFixture;
import org.rallylab.sync.restore.ServerRestore;
import org.rallylab.sync.standin.Session;
import org.rallylab.sync.standin.StandIn;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;

/**
 * Cloud sync on loopback: the push worker sending a rally of at least 5 000 events from a cold
 * cursor until the server acknowledged the last one, and a restore of that rally from the server
 * into a new rally file. The server is the PostgREST/GoTrue stand-in over a real PostgreSQL 17
 * (embedded), with the real migrations and row-level security. Medians over {@code runs}, each on
 * a fresh database.
 */
public final class CloudSync {

    /** Medians in ms, and the events per run. */
    public record Result(double syncMedianMs, double restoreMedianMs, int events, int runs) {
    }

    private CloudSync() {
    }

    public static void main(String[] args) throws Exception {
        Result r = measure(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        System.out.printf(Locale.ROOT, "{\"sync_5000_events_ms\":%.1f,\"restore_5000_events_ms\":%.1f}%n",
                r.syncMedianMs(), r.restoreMedianMs());
        System.exit(0);
    }

    public static Result measure(int runs) throws Exception {
        List<DomainEvent> events = new ArrayList<>();
        for (int sections = 10; events.size() < 5_000; sections++) {
            events = BenchmarkRallies.largeRally(sections);
        }
        String rallyId = events.get(0).rallyId();
        double[] sync = new double[runs];
        double[] restore = new double[runs];
        Path folder = Files.createTempDirectory("rallylab-cloud-bench");
        for (int i = 0; i < runs; i++) {
            PgFixture pg = PgFixture.freshDatabase();
            try (StandIn server = StandIn.start(pg, "bench-anon-key")) {
                Session signedIn = server.signIn("organizer@example.org");
                CloudSession session = new CloudSession(signedIn.accessToken(), signedIn.refreshToken(),
                        signedIn.expiresAt(), signedIn.userId().toString(), signedIn.email());
                CloudClient client = new CloudClient(new CloudConfig(server.url(), server.anonKey()));
                Path file = BenchmarkRallies.write(folder.resolve("push-" + i + ".rallylab"), events);
                try (RallyFile open = RallyFile.openForWriting(file)) {
                    long last = open.lastSequence();
                    long start = System.nanoTime();
                    try (PushWorker worker = PushWorker.start(open, client, SessionHolder.inMemory(session, s -> { }))) {
                        while (open.sync().syncCursor(worker.target()) < last) {
                            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(120)) {
                                throw new IllegalStateException("sync did not finish in 120 s: " + worker.status());
                            }
                            Thread.sleep(1);
                        }
                    }
                    sync[i] = (System.nanoTime() - start) / 1e6;
                }
                long start = System.nanoTime();
                ServerRestore.Summary summary = ServerRestore.restore(client, session, rallyId,
                        folder.resolve("restored-" + i + ".rallylab"));
                restore[i] = (System.nanoTime() - start) / 1e6;
                if (summary.events() != events.size()) {
                    throw new IllegalStateException("restored " + summary.events() + " of " + events.size() + " events");
                }
            }
        }
        Arrays.sort(sync);
        Arrays.sort(restore);
        return new Result(sync[runs / 2], restore[runs / 2], events.size(), runs);
    }
}
