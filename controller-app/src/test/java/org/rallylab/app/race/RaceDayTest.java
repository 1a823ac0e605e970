package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.app.race.RaceDayFixture.types;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceMessage.Leaderboard;
import org.rallylab.app.race.AudienceMessage.Results;
import org.rallylab.app.race.AudienceMessage.SectionComplete;
import org.rallylab.app.race.AudienceMessage.Staging;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.SimulatedTrack;

/**
 * A whole race day through the session, the race loop on the simulated track (at infinite speed)
 * and the audience director, on a rally file on disk. After each step: the events read back from
 * the file, and the audience screens published.
 */
class RaceDayTest {

    private static final Duration SEQUENCE = Duration.ofSeconds(12);

    @TempDir
    Path folder;

    private ScriptedTrack track;

    @AfterEach
    void closeTrack() {
        if (track != null) {
            track.close();
        }
    }

    @Test
    void raceDay_everyIncidentOnTheSimulatedTrack_eventsOnDiskAndAudienceFollow() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String kubs = f.section("Kub Kars", 8);
        track = new ScriptedTrack(SimulatedTrack.builder().seed(42).lanes(4)
                .speedFactor(Double.POSITIVE_INFINITY).build());
        f.attach(track);
        assertThat(types(f.newOnDisk())).containsExactly("RallyCreated", "SectionCreated", "RosterLoaded");
        assertThat(f.screens.fresh()).containsExactly(new AudienceMessage.Welcome("Test Rally"));

        // check-in: car 8 is late
        IntStream.rangeClosed(1, 7).forEach(car -> f.ok(new Command.MarkArrived(kubs, String.valueOf(car))));
        assertThat(types(f.newOnDisk())).containsOnly("CarArrived").hasSize(7);
        assertThat(f.screens.fresh()).isEmpty();

        // start: heat 1 staged, with heat 2 up next
        f.ok(new Command.StartSection(kubs, List.of(1, 2, 3, 4)));
        assertThat(types(f.newOnDisk())).containsExactly("SectionStarted", "HeatStaged");
        Staging first = (Staging) f.screens.fresh().get(0);
        assertThat(first.heat()).isEqualTo(1);
        assertThat(first.lanes()).hasSize(4);
        assertThat(first.upNext()).hasValueSatisfying(next -> assertThat(next.heat()).isEqualTo(2));

        // heat 1 raced; the gate closing again stages heat 2; the audience sees results, leaderboard, staging
        f.ui.runUntil(() -> onTrack(f, kubs) == 2, "heat 2 staged by the gate");
        List<DomainEvent> written = f.newOnDisk();
        assertThat(types(written)).containsExactly("RaceCompleted", "HeatStaged");
        assertThat(((RaceCompleted) written.get(0)).timesMs()).hasSize(4);
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Results.class, r -> {
            assertThat(r.heat()).isEqualTo(1);
            assertThat(r.results()).hasSize(4).allSatisfy(x -> assertThat(x.timeMs()).isNotNull());
            assertThat(r.manual()).isFalse();
        });
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.fresh()).singleElement().isInstanceOf(Leaderboard.class);
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.heat()).isEqualTo(2));

        // a re-run of heat 2 after heat 3 was staged: heat 2 races again, then heat 3
        f.ui.runUntil(() -> onTrack(f, kubs) == 3, "heat 3 staged");
        written = f.newOnDisk();
        assertThat(types(written)).containsExactly("RaceCompleted", "HeatStaged");
        String firstRun = ((RaceCompleted) written.get(0)).raceId();
        f.ok(new Command.DeclareRerun(kubs, 2, "a car jumped the track"));
        assertThat(types(f.newOnDisk())).containsExactly("RerunDeclared", "HeatStaged");
        assertThat(f.screens.fresh()).extracting(screen -> screen.getClass().getSimpleName())
                .containsExactly("Results", "Staging"); // the re-run ends heat 2's results at once
        f.ui.runUntil(() -> onTrack(f, kubs) == 3, "heat 2 raced again and heat 3 staged");
        written = f.newOnDisk();
        assertThat(types(written)).containsExactly("RaceCompleted", "HeatStaged");
        assertThat((RaceCompleted) written.get(0)).satisfies(r -> {
            assertThat(r.heat()).isEqualTo(2);
            assertThat(r.raceId()).isNotEqualTo(firstRun);
        });
        f.time.advance(SEQUENCE);
        f.screens.fresh();

        // heat 3 ranked by hand while the track still had it; the track's race for it is not recorded
        f.loop.setAutoAdvance(false);
        Heat heat3 = f.s(kubs).heatOnTrack().orElseThrow();
        f.ok(new Command.EnterManualResult(kubs, 3, Map.of(heat3.laneNumbers().get(0), 2,
                heat3.laneNumbers().get(1), 1, heat3.laneNumbers().get(2), 3)));
        assertThat(types(f.newOnDisk())).containsExactly("ResultManuallyEntered");
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Results.class, r -> {
            assertThat(r.manual()).isTrue();
            assertThat(r.results()).extracting(AudienceMessage.Finish::dnf).containsExactly(false, false, false, true);
        });
        f.ui.runUntil(track::lastRaceSettled, "the track's race for heat 3");
        f.ui.runPending();
        assertThat(f.newOnDisk()).isEmpty();

        // heat 4: its last lane does not finish; only that lane races again, merged into the heat
        Heat heat4 = f.s(kubs).heat(4).orElseThrow();
        int dnfLane = heat4.laneNumbers().get(heat4.laneNumbers().size() - 1);
        track.then(ScriptedTrack.dnf(dnfLane));
        f.loop.nextHeat();
        f.ui.runUntil(() -> f.s(kubs).result(4).isPresent(), "heat 4's result");
        written = f.newOnDisk();
        assertThat(types(written)).containsExactly("HeatStaged", "RaceCompleted");
        assertThat(((RaceCompleted) written.get(1)).timesMs()).doesNotContainKey(dnfLane).hasSize(3);
        // heat 3's results were still on screen: heat 4's staging waited, its results replace them
        Results withDnf = (Results) f.screens.fresh().get(0);
        assertThat(withDnf.results().get(3)).satisfies(x -> {
            assertThat(x.lane()).isEqualTo(dnfLane);
            assertThat(x.dnf()).isTrue();
            assertThat(x.timeMs()).isNull();
        });
        f.ok(new Command.RerunDnfLanes(kubs, 4));
        written = f.newOnDisk();
        assertThat(written).singleElement().isInstanceOfSatisfying(HeatStaged.class, h -> {
            assertThat(h.dnfRerun()).isTrue();
            assertThat(h.lanes()).extracting(l -> l.lane()).containsExactly(dnfLane);
        });
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Staging.class, s -> {
            assertThat(s.dnfRerun()).isTrue();
            assertThat(s.lanes()).hasSize(1);
        });
        f.ui.runUntil(() -> !f.s(kubs).dnfRerunStaged(), "the DNF lane raced again");
        assertThat(track.lastCall().heat().laneNumbers()).containsExactly(dnfLane);
        assertThat(f.newOnDisk()).singleElement().isInstanceOfSatisfying(RaceCompleted.class, r -> {
            assertThat(r.partial()).isTrue();
            assertThat(r.timesMs()).containsOnlyKeys(dnfLane);
        });
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Results.class,
                r -> assertThat(r.results()).noneMatch(AudienceMessage.Finish::dnf));
        f.time.advance(SEQUENCE);
        f.screens.fresh();

        // heat 5 staged; one of its cars is destroyed: heat 5 is staged again without it
        f.loop.nextHeat();
        String destroyed = f.s(kubs).heatOnTrack().orElseThrow().cars().get(0);
        f.ok(new Command.RemoveCar(kubs, destroyed, "destroyed"));
        assertThat(types(f.newOnDisk())).containsExactly("HeatStaged", "CarRemoved", "HeatStaged");
        assertThat(f.screens.fresh()).extracting(s -> ((Staging) s).lanes().stream().map(AudienceMessage.Lane::carNumber)
                .toList()).satisfiesExactly(
                        cars -> assertThat(cars).contains(destroyed),
                        cars -> assertThat(cars).doesNotContain(destroyed));
        assertThat(track.lastCall().heat().cars()).doesNotContain(destroyed);

        // lanes 1 and 2 of heat 4 held each other's cars: the times stay, the cars swap
        String lane1 = heat4.carIn(1).orElseThrow();
        String lane2 = heat4.carIn(2).orElseThrow();
        f.ok(new Command.CorrectLanes(kubs, 4, Map.of(1, lane2, 2, lane1), "swapped at the start"));
        assertThat(types(f.newOnDisk())).containsExactly("ResultCorrected");
        // heat 5 stays as staged (the heats after it may be re-planned: "up next" may change)
        assertThat(f.screens.fresh()).allSatisfy(screen -> assertThat(((Staging) screen).lanes())
                .isEqualTo(((Staging) f.screens.all().get(f.screens.all().size() - 1)).lanes()));
        assertThat(f.s(kubs).heatOnTrack().orElseThrow().cars()).doesNotContain(destroyed);
        f.director.replayLastResults();
        Results corrected = (Results) f.screens.fresh().get(0);
        assertThat(corrected.heat()).isEqualTo(4);
        assertThat(corrected.results()).filteredOn(x -> x.lane() == 1).extracting(AudienceMessage.Finish::carNumber)
                .containsExactly(lane2);
        f.time.advance(SEQUENCE);
        f.screens.fresh();

        // lane 4's sensor died: heat 5 is staged again on lanes 1 to 3
        f.ok(new Command.ChangeLanes(kubs, List.of(1, 2, 3), "lane 4 sensor died"));
        assertThat(types(f.newOnDisk())).containsExactly("LanesChanged", "HeatStaged");
        Staging onThree = (Staging) f.screens.fresh().get(0);
        assertThat(onThree.lanes()).extracting(AudienceMessage.Lane::lane).allMatch(lane -> lane <= 3);
        assertThat(track.lastCall().heat().laneNumbers()).allMatch(lane -> lane <= 3);

        // car 8 arrives late: the remaining heats are re-planned so it races as often as the others
        int heatsBefore = f.s(kubs).heatCount();
        f.ok(new Command.MarkArrived(kubs, "8"));
        assertThat(types(f.newOnDisk())).containsExactly("CarArrived");
        assertThat(f.s(kubs).heatCount()).isGreaterThan(heatsBefore);
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.totalHeats()).isEqualTo(f.s(kubs).heatCount()));

        // the rest races on the track; each gate reset stages the next heat, the last one completes the section
        f.loop.setAutoAdvance(true);
        f.ui.runUntil(() -> f.s(kubs).completed(), "Kub Kars complete");
        SectionState done = f.s(kubs);
        written = f.newOnDisk();
        assertThat(written.get(written.size() - 1)).isInstanceOfSatisfying(SectionCompleted.class, c -> {
            assertThat(c.earlyEnd()).isFalse();
            assertThat(c.totalHeats()).isEqualTo(done.heatCount());
        });
        assertThat(done.heats()).allSatisfy(h -> assertThat(done.result(h.number())).isPresent());
        assertThat(done.heats().stream().filter(h -> h.hasCar("8")).count()).isEqualTo(done.runsPerCar());
        assertThat(types(written)).doesNotContain("ResultManuallyEntered", "RerunDeclared");
        long races = written.stream().filter(e -> e instanceof RaceCompleted).count();
        long stagings = written.stream().filter(e -> e instanceof HeatStaged).count();
        assertThat(races).isEqualTo(stagings + 1); // heat 5 (staged before) and every later staging, raced once
        f.time.advance(SEQUENCE);
        SectionComplete complete = (SectionComplete) f.screens.last();
        assertThat(complete.revealed()).isEqualTo(complete.standings().size() - 3);
        assertThat(complete.standings().get(complete.standings().size() - 1)).satisfies(
                last -> assertThat(last.carNumber()).isEqualTo(destroyed));
        f.director.revealNextPlace();
        assertThat(((SectionComplete) f.screens.last()).revealed()).isEqualTo(complete.standings().size() - 2);
        f.director.revealAll();
        assertThat(((SectionComplete) f.screens.last()).fullyRevealed()).isTrue();

        // Beaver Buggies: two heats, then the operator ends the section early
        String beavers = f.section("Beaver Buggies", 5);
        IntStream.rangeClosed(1, 5).forEach(car -> f.ok(new Command.MarkArrived(beavers, String.valueOf(car))));
        f.newOnDisk();
        f.ok(new Command.StartSection(beavers, List.of(1, 2, 3)));
        assertThat(f.screens.last()).isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.sectionName()).isEqualTo("Beaver Buggies"));
        f.ui.runUntil(() -> f.s(beavers).result(2).isPresent(), "two Beaver Buggies heats");
        f.ok(new Command.EndSectionEarly(beavers));
        written = f.newOnDisk();
        assertThat(written.get(written.size() - 1)).isInstanceOfSatisfying(SectionCompleted.class,
                c -> assertThat(c.earlyEnd()).isTrue());
        f.time.advance(SEQUENCE);
        assertThat(f.screens.last()).isInstanceOfSatisfying(SectionComplete.class, c -> {
            assertThat(c.sectionName()).isEqualTo("Beaver Buggies");
            assertThat(c.earlyEnd()).isTrue();
        });
        f.ui.runPending();
        assertThat(f.loop.current().phase()).isEqualTo(LoopState.Phase.NO_SECTION);
        f.assertStateIsTheFoldOfTheFile();
        f.session.close();
    }

    @Test
    void simulatedTrack_gateFaultThenImpossibleTime_reracedThenHeldUntilAccepted() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String kubs = f.section("Kub Kars", 4);
        IntStream.rangeClosed(1, 4).forEach(car -> f.ok(new Command.MarkArrived(kubs, String.valueOf(car))));
        track = new ScriptedTrack(SimulatedTrack.builder().seed(7).lanes(4)
                .speedFactor(Double.POSITIVE_INFINITY).build());
        track.then(ScriptedTrack.gateFault()).then(ScriptedTrack.time(2, 612));
        f.attach(track);
        f.ok(new Command.StartSection(kubs, List.of(1, 2, 3, 4)));
        f.newOnDisk();

        // the gate fault: nothing written, the operator told, heat 1 raced again, and held for its 0.612 s
        f.ui.runUntil(() -> f.loop.current().phase() == LoopState.Phase.HELD, "the impossible time held");
        assertThat(f.newOnDisk()).isEmpty();
        assertThat(track.calls()).hasSize(2).allSatisfy(call -> assertThat(call.heat().number()).isEqualTo(1));
        assertThat(f.loopStates.all()).anySatisfy(state -> assertThat(state.notice()).contains("gate fault"));
        assertThat(f.loop.current().held()).hasValueSatisfying(h -> assertThat(h.message()).contains("lane 2", "0.612 s"));
        assertThat(f.screens.last()).isInstanceOf(Staging.class);

        // accepted: written as timed; the gate closed again (before or after the accept) stages heat 2
        f.loop.acceptHeld();
        f.ui.runUntil(() -> onTrack(f, kubs) == 2, "heat 2 staged by the gate");
        List<DomainEvent> written = f.newOnDisk();
        assertThat(types(written)).containsExactly("RaceCompleted", "HeatStaged");
        assertThat(((RaceCompleted) written.get(0)).timesMs()).containsEntry(2, 612L);
        assertThat(f.screens.fresh(Results.class)).last().satisfies(r -> assertThat(r.results())
                .filteredOn(AudienceMessage.Finish::impossible).extracting(AudienceMessage.Finish::lane)
                .containsExactly(2));
        f.ui.runUntil(() -> f.s(kubs).result(2).isPresent(), "heat 2 raced");
        f.assertStateIsTheFoldOfTheFile();
        f.session.close();
    }

    private static int onTrack(RaceDayFixture f, String section) {
        return f.s(section).heatOnTrack().map(Heat::number).orElse(0);
    }
}
