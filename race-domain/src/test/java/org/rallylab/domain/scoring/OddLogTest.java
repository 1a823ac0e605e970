package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.Ranking;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.state.SectionState;

/** States the fold accepts from logs the rules would never write: every figure is still computed, nothing throws. */
class OddLogTest {

    @Test
    void scoring_sectionNotStarted_everyFigureEmpty() {
        SectionState s = RaceLog.rosterOnly("1", "2").section();

        assertThat(Scoring.standings(s).entries()).isEmpty();
        assertThat(Scoring.heatPlaces(s, 1, 1_000)).isEmpty();
        assertThat(Scoring.sectionAverageMs(s)).isEqualTo(3000.0);
        assertThat(Scoring.laneStatistics(s).lanes()).isEmpty();
        assertThat(Scoring.carStatistics(s)).isEmpty();
    }

    @Test
    void scoring_removedCarWithoutResults_notListed() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .remove("3", 1)
                .stage(1, "1", "2").race(1, 2400, 2500);

        assertThat(Scoring.standings(race.section()).entries()).extracting(StandingsEntry::carNumber)
                .containsExactly("1", "2");
        assertThat(Scoring.carStatistics(race.section())).hasSize(2);
    }

    @Test
    void scoring_carNoLongerOnRoster_stillScored_withoutName() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2500);
        race.append(new RosterLoaded(1, RaceLog.RALLY, RaceLog.SECTION, RaceLog.SECTION_NAME,
                List.of(new Participant("p-1", RaceLog.driver("1"), "1")), Extras.NONE));

        List<StandingsEntry> entries = Scoring.standings(race.section()).entries();

        assertThat(entries).containsExactly(
                new StandingsEntry(1, "1", RaceLog.driver("1"), 2400, 2400, 1, 0, false),
                new StandingsEntry(2, "2", "", 2500, 2500, 1, 0, false));
        assertThat(Scoring.heatPlaces(race.section(), 1, 1_000)).extracting(HeatPlace::name)
                .containsExactly(RaceLog.driver("1"), "");
    }

    @Test
    void scoring_allDnfManualHeat_everyCarCountsTheTimeout() {
        RaceLog race = RaceLog.started(3, "1", "2").stage(1, "1", "2");
        // a ranking that names only lane 3, which held no car: both cars are unranked, i.e. DNF
        race.append(new ResultManuallyEntered(1, RaceLog.RALLY, RaceLog.SECTION, 1, List.of(new Ranking(1, 3, "9")),
                Extras.NONE));

        SectionState s = race.section();

        assertThat(Scoring.standings(s).entries()).containsExactly(
                new StandingsEntry(1, "1", RaceLog.driver("1"), 10_000, 10_000, 1, 1, false),
                new StandingsEntry(1, "2", RaceLog.driver("2"), 10_000, 10_000, 1, 1, false));
        assertThat(Scoring.heatPlaces(s, 1, 1_000)).extracting(HeatPlace::place, HeatPlace::dnf)
                .containsExactly(tuple(1, true),
                        tuple(1, true));
        assertThat(Scoring.laneStatistics(s).lanes()).isEmpty();
    }

    @Test
    void scoring_raceForUnknownHeat_ignored() {
        RaceLog race = RaceLog.started(2, "1", "2").stage(1, "1", "2");
        race.append(new RaceCompleted(1, RaceLog.RALLY, RaceLog.SECTION, 99, "stray", new TreeMap<>(Map.of(1, 2400L)), null, false, null, Extras.NONE));

        assertThat(Scoring.standings(race.section()).entries()).isEmpty();
        assertThat(Scoring.heatPlaces(race.section(), 99, 1_000)).isEmpty();
    }

    @Test
    void scoring_sameCarInTwoLanesAfterCorrection_bothRunsCount() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2400, 2600)
                .correct(1, null, "1");

        // lane 2 re-attributed to car 1 without moving car 1 out of lane 1: car 1 has both times
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                new StandingsEntry(1, "1", RaceLog.driver("1"), 2500, 2400, 2, 0, false));
    }

    @Test
    void scoring_damagedTimes_neverThrow() {
        RaceLog race = RaceLog.started(4, "1", "2", "3", "4")
                .stage(1, "1", "2", "3", "4").raceWithTimeout(1, -5, Long.MAX_VALUE, -2400, 0, DNF)
                .stage(2, "2", "3", "4", "1").raceWithTimeout(2, Integer.MAX_VALUE, Long.MIN_VALUE, 2400, DNF, 2500)
                .stage(3, "3", "4", "1", "2").manual(3, 1, 4, 1, 2);

        SectionState s = race.section();

        ScoringChecks.checkRanks(Scoring.standings(s).entries());
        assertThat(Scoring.standings(s).entries()).hasSize(4);
        assertThat(Scoring.heatPlaces(s, 1, 1_000)).hasSize(4);
        assertThat(Scoring.heatPlaces(s, 2, 1_000)).hasSize(4);
        assertThat(Scoring.carStatistics(s)).hasSize(4);
        assertThat(Scoring.laneStatistics(s).lanes()).isNotEmpty();
        assertThat(Scoring.sectionAverageMs(s)).isFinite();
    }
}
