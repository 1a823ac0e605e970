package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceMessage.Leaderboard;
import org.rallylab.app.race.AudienceMessage.NoOverlay;
import org.rallylab.app.race.AudienceMessage.Results;
import org.rallylab.app.race.AudienceMessage.SectionComplete;
import org.rallylab.app.race.AudienceMessage.Staging;
import org.rallylab.app.race.AudienceMessage.Standing;
import org.rallylab.app.race.AudienceMessage.TrackStatus;
import org.rallylab.domain.command.Command;

/** The audience screens and the track overlay, driven by a manual-mode loop and a fake track. */
class AudienceDirectorTest {

    @TempDir
    Path folder;

    private RaceDayFixture f;
    private String section;

    private void checkedIn(int cars, FakeTrack track) throws Exception {
        f = RaceDayFixture.create(folder);
        section = f.section("Kub Kars", cars);
        IntStream.rangeClosed(1, cars).forEach(car -> f.ok(new Command.MarkArrived(section, String.valueOf(car))));
        f.attach(track);
    }

    @Test
    void checkIn_welcomeWithTheRallyName() throws Exception {
        checkedIn(4, null);
        assertThat(f.screens.all()).containsExactly(new AudienceMessage.Welcome("Test Rally"));
        assertThat(f.overlays.all()).containsExactly(new NoOverlay());
    }

    @Test
    void result_resultsThenLeaderboardThenTheNextHeatStagedMeanwhile() throws Exception {
        checkedIn(4, null);
        f.ok(new Command.StartSection(section, List.of(1, 2)));
        f.screens.fresh();
        f.loop.enterTimes(Map.of(1, 2_500L, 2, 2_400L));
        f.loop.nextHeat();
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Results.class, r -> {
            assertThat(r.results()).extracting(AudienceMessage.Finish::place, AudienceMessage.Finish::lane)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 1));
            assertThat(r.results().get(0).timeMs()).isEqualTo(2_400L);
        });
        f.time.advance(Duration.ofSeconds(5));
        assertThat(f.screens.fresh()).isEmpty();
        f.time.advance(Duration.ofSeconds(1));
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Leaderboard.class,
                l -> assertThat(l.standings()).extracting(Standing::rank).containsExactly(1, 2));
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.heat()).isEqualTo(2));
    }

    @Test
    void leaderboardShown_resultWithNothingStaged_leaderboardStays() throws Exception {
        checkedIn(4, null);
        f.ok(new Command.StartSection(section, List.of(1, 2)));
        f.loop.enterTimes(Map.of(1, 2_500L, 2, 2_400L));
        f.time.advance(Duration.ofSeconds(30));
        assertThat(f.screens.last()).isInstanceOf(Leaderboard.class);
        f.director.replayLastResults();
        assertThat(f.screens.last()).isInstanceOf(Results.class);
    }

    @Test
    void sectionComplete_revealedFromTheLastPlaceUp_tiesTogether() throws Exception {
        checkedIn(5, null);
        f.ok(new Command.StartSection(section, List.of(1)));
        // one car per heat: car n runs n ms over 2 s, but cars 1 and 2 tie
        while (!f.s(section).completed()) {
            if (f.s(section).heatOnTrack().isPresent()) {
                String car = f.s(section).heatOnTrack().get().cars().get(0);
                long ms = car.equals("1") ? 2_002 : 2_000 + Long.parseLong(car);
                f.loop.enterTimes(Map.of(1, ms));
            } else {
                f.loop.nextHeat();
            }
        }
        f.time.advance(Duration.ofSeconds(12));
        SectionComplete done = (SectionComplete) f.screens.last();
        assertThat(done.standings()).extracting(Standing::rank).containsExactly(1, 1, 3, 4, 5);
        assertThat(done.revealed()).isEqualTo(2);
        assertThat(done.visible()).extracting(Standing::carNumber).containsExactly("4", "5");
        f.director.revealNextPlace();
        assertThat(((SectionComplete) f.screens.last()).revealed()).isEqualTo(3);
        f.director.revealNextPlace(); // the tied winners together
        assertThat(((SectionComplete) f.screens.last()).fullyRevealed()).isTrue();
        f.director.showWelcome();
        assertThat(f.screens.last()).isEqualTo(new AudienceMessage.Welcome("Test Rally"));
    }

    @Test
    void showFinalStandings_whileTheLastResultsStillShow_endsThem() throws Exception {
        checkedIn(3, null);
        f.ok(new Command.StartSection(section, List.of(1)));
        while (!f.s(section).completed()) {
            if (f.s(section).heatOnTrack().isPresent()) {
                String car = f.s(section).heatOnTrack().get().cars().get(0);
                f.loop.enterTimes(Map.of(1, 2_000 + Long.parseLong(car)));
            } else {
                f.loop.nextHeat();
            }
        }
        assertThat(f.screens.last()).isInstanceOf(AudienceMessage.Results.class);
        f.director.revealNextPlace();
        assertThat(f.screens.last()).as("nothing to reveal while the results show").isInstanceOf(
                AudienceMessage.Results.class);
        f.director.showFinalStandings(section);
        SectionComplete done = (SectionComplete) f.screens.last();
        assertThat(done.revealed()).as("all but the podium").isEqualTo(0);
        f.director.revealNextPlace();
        assertThat(((SectionComplete) f.screens.last()).revealed()).isEqualTo(1);
        f.time.advance(Duration.ofSeconds(30));
        assertThat(((SectionComplete) f.screens.last()).revealed()).as("the old results timer is gone").isEqualTo(1);
    }

    @Test
    void overlay_whileStaging_tellsTheTrackOperatorWhatIsWrong() throws Exception {
        FakeTrack track = new FakeTrack(4);
        checkedIn(6, track);
        track.status(track.ready(true, "IDLE"));
        f.ok(new Command.StartSection(section, List.of(1, 2, 3, 4)));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOf(NoOverlay.class);

        track.status(track.ready(false, "ARMED"));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOfSatisfying(TrackStatus.class, o -> {
            assertThat(o.message()).isEqualTo("Reset the gate.");
            assertThat(o.gateReady()).isFalse();
            assertThat(o.lanes()).hasSize(4);
        });
        track.status(track.laneTriggered(3));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOfSatisfying(TrackStatus.class,
                o -> assertThat(o.message()).isEqualTo("Lane 3 sensor is stuck."));
        track.status(track.ready(false, "RACING"));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOf(NoOverlay.class);
        track.status(track.disconnected("Lost the connection."));
        f.ui.runPending();
        assertThat(f.overlays.last()).isInstanceOfSatisfying(TrackStatus.class,
                o -> assertThat(o.connected()).isFalse());

        track.status(track.ready(false, "RACING"));
        track.finish(Map.of(1, 2_500L, 2, 2_600L, 3, 2_700L, 4, 2_800L));
        track.status(track.ready(false, "IDLE"));
        f.ui.runPending();
        assertThat(f.screens.last()).isInstanceOf(Results.class);
        assertThat(f.overlays.last()).isInstanceOf(NoOverlay.class); // results: the gate is open, no overlay
    }

    @Test
    void reopened_whileResultsShow_resultsThenLeaderboard() throws Exception {
        checkedIn(4, null);
        f.ok(new Command.StartSection(section, List.of(1, 2)));
        f.loop.enterTimes(Map.of(1, 2_500L, 2, 2_400L));
        f.session.close();
        RaceDayFixture g = RaceDayFixture.reopen(f.file).attach(null);
        assertThat(g.screens.all()).singleElement().isInstanceOf(Results.class);
        g.time.advance(Duration.ofSeconds(6));
        assertThat(g.screens.last()).isInstanceOf(Leaderboard.class);
        g.session.close();
    }
}
