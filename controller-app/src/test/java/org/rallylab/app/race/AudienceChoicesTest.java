package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.AudienceMessage.Leaderboard;
import org.rallylab.app.race.AudienceMessage.Lineup;
import org.rallylab.app.race.AudienceMessage.Results;
import org.rallylab.app.race.AudienceMessage.Staging;
import org.rallylab.app.race.AudienceMessage.Standing;
import org.rallylab.domain.command.Command;

/** The operator's choices for the projector: heats on deck, standings between heats; no made-up time. */
class AudienceChoicesTest {

    @TempDir
    Path folder;

    private RaceDayFixture f;
    private String section;

    private void racing(int cars) throws Exception {
        f = RaceDayFixture.create(folder);
        section = f.section("Kub Kars", cars);
        IntStream.rangeClosed(1, cars).forEach(car -> f.ok(new Command.MarkArrived(section, String.valueOf(car))));
        f.attach(null);
        f.ok(new Command.StartSection(section, List.of(1, 2)));
    }

    @Test
    void staging_defaultChoices_showsTheNextTwoHeatsOnDeck() throws Exception {
        racing(6);
        assertThat(f.screens.last()).isInstanceOfSatisfying(Staging.class, s -> {
            assertThat(s.heat()).isEqualTo(1);
            assertThat(s.onDeck()).extracting(Lineup::heat).containsExactly(2, 3);
        });
    }

    @Test
    void staging_operatorChoosesOneHeat_showsOneOnDeck() throws Exception {
        racing(6);
        f.director.choose(new AudienceDirector.Choices(1, true));
        assertThat(f.screens.last()).isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.onDeck()).extracting(Lineup::heat).containsExactly(2));
        f.director.choose(new AudienceDirector.Choices(0, true));
        assertThat(f.screens.last()).isInstanceOfSatisfying(Staging.class, s -> assertThat(s.onDeck()).isEmpty());
    }

    @Test
    void choices_threeHeatsOnDeck_refusedWithTheLimit() {
        assertThatThrownBy(() -> new AudienceDirector.Choices(3, true)).hasMessageContaining("0 to 2");
    }

    @Test
    void result_noStandingsBetweenHeats_resultsThenTheNextHeat() throws Exception {
        racing(4);
        f.director.choose(new AudienceDirector.Choices(2, false));
        f.screens.fresh();
        f.loop.enterTimes(Map.of(1, 2_500L, 2, 2_400L));
        f.loop.nextHeat();
        assertThat(f.screens.fresh()).singleElement().isInstanceOf(Results.class);
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.fresh()).singleElement().isInstanceOfSatisfying(Staging.class,
                s -> assertThat(s.heat()).isEqualTo(2));
    }

    @Test
    void result_standingsBetweenHeats_leaderboardDuringRacing() throws Exception {
        racing(4);
        f.screens.fresh();
        f.loop.enterTimes(Map.of(1, 2_500L, 2, 2_400L));
        f.loop.nextHeat();
        assertThat(f.screens.fresh()).last().isInstanceOf(Results.class);
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.fresh()).singleElement().isInstanceOf(Leaderboard.class);
    }

    @Test
    void leaderboard_dnfLane_showsTheDnfCountAndNoAverage() throws Exception {
        racing(4);
        f.loop.enterTimes(Map.of(1, 2_500L)); // lane 2 did not finish
        f.time.advance(Duration.ofSeconds(6));
        assertThat(f.screens.last()).isInstanceOfSatisfying(Leaderboard.class, l -> {
            Standing dnf = l.standings().stream().filter(s -> s.dnfCount() == 1).findFirst().orElseThrow();
            assertThat(dnf.averageMs()).as("never the race timeout as a time").isNull();
            assertThat(dnf.bestMs()).isNull();
            Standing timed = l.standings().stream().filter(s -> s.dnfCount() == 0).findFirst().orElseThrow();
            assertThat(timed.averageMs()).isEqualTo(2_500L);
        });
    }
}
