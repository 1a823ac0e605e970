package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rallylab.domain.scoring.RaceLog.DNF;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SectionStarted;

/** docs/race-rules.md, standings: one test per rule; every expected figure is worked out in the comments. */
class StandingsTest {

    private static StandingsEntry entry(int rank, String car, long avg, long best, int heats, int dnf,
                                        boolean incomplete) {
        return new StandingsEntry(rank, car, RaceLog.driver(car), avg, best, heats, dnf, incomplete);
    }

    @Test
    void standings_scoreIsAverageOfAcceptedHeats_lowerIsBetter() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2500, 2600)
                .stage(2, "2", "3").race(2, 2700, 2400)
                .stage(3, "3", "1").race(3, 2800, 2300)
                .complete();

        Standings standings = Scoring.standings(race.section());

        // car 1: (2500 + 2300) / 2 = 2400, best 2300
        // car 3: (2400 + 2800) / 2 = 2600, best 2400
        // car 2: (2600 + 2700) / 2 = 2650, best 2600
        assertThat(standings.entries()).containsExactly(
                entry(1, "1", 2400, 2300, 2, 0, false),
                entry(2, "3", 2600, 2400, 2, 0, false),
                entry(3, "2", 2650, 2600, 2, 0, false));
        assertThat(standings.sectionId()).isEqualTo(RaceLog.SECTION);
        assertThat(standings.sectionName()).isEqualTo(RaceLog.SECTION_NAME);
        assertThat(standings.earlyEnd()).isFalse();
    }

    @Test
    void standings_dnfCountsAsRaceTimeout() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").raceWithTimeout(1, 8_000, 2500, DNF) // car 2 DNF under an 8 000 ms timeout
                .stage(2, "2", "1").race(2, 2600, 2400)
                .stage(3, "1", "2").race(3, DNF, 2700);                  // car 1 DNF, default 10 000 ms timeout

        List<StandingsEntry> entries = Scoring.standings(race.section()).entries();

        // car 2: (8000 + 2600 + 2700) / 3 = 13300 / 3 = 4433.33 -> 4433; best 2600; one DNF
        // car 1: (2500 + 2400 + 10000) / 3 = 14900 / 3 = 4966.67 -> 4967; best 2400; one DNF
        assertThat(entries).containsExactly(
                entry(1, "2", 4433, 2600, 3, 1, false),
                entry(2, "1", 4967, 2400, 3, 1, false));
    }

    @Test
    void standings_dnfTimeoutCountsAsBestTimeWhenOnlyDnfs() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").raceWithTimeout(1, 9_000, 2500, DNF);

        // car 2 never finished: its best single time is the 9 000 ms timeout
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2500, 2500, 1, 0, false),
                entry(2, "2", 9000, 9000, 1, 1, false));
    }

    @Test
    void standings_tiedAverage_bestSingleTimeBreaksTie() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2450, 2400)
                .stage(2, "2", "1").race(2, 2600, 2550);

        // car 1: (2450 + 2550) / 2 = 2500, best 2450
        // car 2: (2400 + 2600) / 2 = 2500, best 2400 -> ahead on best single time
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2500, 2400, 2, 0, false),
                entry(2, "1", 2500, 2450, 2, 0, false));
    }

    @Test
    void standings_tiedAverageAndBest_shareRankAndSkipNext() {
        RaceLog race = RaceLog.started(2, "1", "2", "3", "4")
                .stage(1, "1", "2").race(1, 2300, 2400)
                .stage(2, "3", "4").race(2, 2600, 2700)
                .stage(3, "2", "1").race(3, 2600, 2300)
                .stage(4, "4", "3").race(4, 2700, 2400);

        // car 1: (2300 + 2300) / 2 = 2300
        // car 2: (2400 + 2600) / 2 = 2500, best 2400
        // car 3: (2600 + 2400) / 2 = 2500, best 2400 -> same as car 2: both T2, no rank 3
        // car 4: (2700 + 2700) / 2 = 2700 -> rank 4
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2300, 2300, 2, 0, false),
                entry(2, "2", 2500, 2400, 2, 0, false),
                entry(2, "3", 2500, 2400, 2, 0, false),
                entry(4, "4", 2700, 2700, 2, 0, false));
    }

    @Test
    void standings_averagesComparedExactly_roundedOnlyForDisplay() {
        RaceLog race = RaceLog.started(2, "1", "2")
                .stage(1, "1", "2").race(1, 2000, 2000)
                .stage(2, "2", "1").race(2, 2001, 2000)
                .stage(3, "1", "2").race(3, 2002, 2002);

        // car 2: (2000 + 2001 + 2002) / 3 = 2001.0     -> shows 2001, best 2000
        // car 1: (2000 + 2000 + 2002) / 3 = 2000.667   -> shows 2001 too (half-up), best 2000
        // the rounded averages and the bests are equal, the exact averages are not: car 1 is ahead alone
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2001, 2000, 3, 0, false),
                entry(2, "2", 2001, 2000, 3, 0, false));
    }

    @Test
    void standings_equalAveragesOverDifferentHeatCounts_tieExactly() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2000, 2000)
                .stage(2, "2", "3").race(2, 2001, 2100)
                .stage(3, "3", "2").race(3, 2100, 2000)
                .stage(4, "2", "1").race(4, 2001, 2001)
                .endEarly();

        // car 1: (2000 + 2001) / 2 = 4001 / 2 = 2000.5                 -> shows 2001 (half-up), best 2000
        // car 2: (2000 + 2001 + 2000 + 2001) / 4 = 8002 / 4 = 2000.5   -> equal exactly, best 2000: T1
        // car 3: (2100 + 2100) / 2 = 2100                               -> rank 3
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "1", 2001, 2000, 2, 0, false),
                entry(1, "2", 2001, 2000, 4, 0, false),
                entry(3, "3", 2100, 2100, 2, 0, false));
    }

    @Test
    void standings_removedCarAlwaysIncomplete() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2000, 2500)
                .stage(2, "3", "1").race(2, 2600, 2000)
                .remove("1", 3)
                .stage(3, "2", "3").race(3, 2400, 2700)
                .complete();

        // car 1 has the best average (2000) but was removed: it ranks after every complete car
        // car 2: (2500 + 2400) / 2 = 2450; car 3: (2600 + 2700) / 2 = 2650
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2450, 2400, 2, 0, false),
                entry(2, "3", 2650, 2600, 2, 0, false),
                entry(3, "1", 2000, 2000, 2, 0, true));
    }

    @Test
    void standings_runningSection_fewerHeatsIsIncomplete() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2600, 2500)
                .stage(2, "2", "3").race(2, 2400, 2300);

        // most heats by a surviving car: 2 (car 2). Cars 1 and 3 ran 1: incomplete, ranked after car 2
        // car 2: (2500 + 2400) / 2 = 2450; then car 3 (2300) and car 1 (2600), ranks continuing at 2
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "2", 2450, 2400, 2, 0, false),
                entry(2, "3", 2300, 2300, 1, 0, true),
                entry(3, "1", 2600, 2600, 1, 0, true));

        race.stage(3, "3", "1").race(3, 2350, 2650);

        // everyone has 2 heats now: car 3 (2300 + 2350) / 2 = 2325; car 2 2450; car 1 (2600 + 2650) / 2 = 2625
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "3", 2325, 2300, 2, 0, false),
                entry(2, "2", 2450, 2400, 2, 0, false),
                entry(3, "1", 2625, 2600, 2, 0, false));
    }

    @Test
    void standings_runningSection_onlySurvivorsSetTheHeatCount() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2300, 2500)
                .stage(2, "1", "3").race(2, 2300, 2400)
                .remove("1", 3);

        // car 1 ran 2 heats but is removed; the survivors' most is 1, so cars 2 and 3 are complete
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "3", 2400, 2400, 1, 0, false),
                entry(2, "2", 2500, 2500, 1, 0, false),
                entry(3, "1", 2300, 2300, 2, 0, true));
    }

    @Test
    void standings_incompleteCarsTie_shareRankAfterCompleteOnes() {
        RaceLog race = RaceLog.started(2, "1", "2", "3", "4")
                .stage(1, "1", "2").race(1, 2500, 2500)
                .stage(2, "3", "4").race(2, 2400, 2400)
                .stage(3, "3", "4").race(3, 2450, 2450);

        // cars 3 and 4: (2400 + 2450) / 2 = 2425, complete and tied: T1 and T1
        // cars 1 and 2: 1 heat of 2 while running: incomplete, tied at 2500: both T3 (rank 2 skipped by the tie above)
        assertThat(Scoring.standings(race.section()).entries()).containsExactly(
                entry(1, "3", 2425, 2400, 2, 0, false),
                entry(1, "4", 2425, 2400, 2, 0, false),
                entry(3, "1", 2500, 2500, 1, 0, true),
                entry(3, "2", 2500, 2500, 1, 0, true));
    }

    @Test
    void standings_earlyEnd_survivorsRankedTogether() {
        RaceLog race = RaceLog.started(2, "1", "2", "3", "4")
                .stage(1, "1", "2").race(1, 2600, 2500)
                .stage(2, "2", "3").race(2, 2400, 2300)
                .stage(3, "4", "1").race(3, 2000, 2700)
                .remove("4", 4)
                .endEarly();

        // survivors ran 2, 2 and 1 heats; after an early end they are ranked together all the same:
        // car 3: 2300 (1 heat); car 2: (2500 + 2400) / 2 = 2450; car 1: (2600 + 2700) / 2 = 2650
        // car 4 (2000) was removed: still incomplete, last
        Standings standings = Scoring.standings(race.section());
        assertThat(standings.earlyEnd()).isTrue();
        assertThat(standings.entries()).containsExactly(
                entry(1, "3", 2300, 2300, 1, 0, false),
                entry(2, "2", 2450, 2400, 2, 0, false),
                entry(3, "1", 2650, 2600, 2, 0, false),
                entry(4, "4", 2000, 2000, 1, 0, true));
    }

    @Test
    void standings_completedSection_heatCountNoLongerMakesIncomplete() {
        RaceLog race = RaceLog.started(2, "1", "2", "3")
                .stage(1, "1", "2").race(1, 2600, 2500)
                .stage(2, "2", "3").race(2, 2400, 2300)
                .complete();

        // "fewer heats" applies only while the section is running
        Standings standings = Scoring.standings(race.section());
        assertThat(standings.earlyEnd()).isFalse();
        assertThat(standings.entries()).extracting(StandingsEntry::carNumber, StandingsEntry::rank,
                        StandingsEntry::incomplete)
                .containsExactly(
                        tuple("3", 1, false),
                        tuple("2", 2, false),
                        tuple("1", 3, false));
    }

    @Test
    void standings_carWithoutResults_notListed() {
        RaceLog race = RaceLog.rosterOnly("1", "2", "3", "4")
                .arrive("1").arrive("2").arrive("3");
        race.append(new SectionStarted(1, RaceLog.RALLY, RaceLog.SECTION, List.of(1, 2), Extras.NONE));
        race.stage(1, "1", "2").race(1, 2500, 2400);

        // car 3 checked in but has not raced; car 4 never arrived: neither is listed
        assertThat(Scoring.standings(race.section()).entries()).extracting(StandingsEntry::carNumber)
                .containsExactly("2", "1");
    }

    @Test
    void standings_noResults_empty() {
        RaceLog race = RaceLog.started(2, "1", "2");

        Standings standings = Scoring.standings(race.section());

        assertThat(standings.entries()).isEmpty();
        assertThat(standings.sectionName()).isEqualTo(RaceLog.SECTION_NAME);
    }
}
