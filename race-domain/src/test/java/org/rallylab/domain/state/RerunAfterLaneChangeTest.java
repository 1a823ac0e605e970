package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.testing.RaceDay;

/**
 * A heat raced before a lane change and then re-run is raced again on the new lanes, and counts
 * in their balance (found by RaceDayPropertiesTest: 8 cars, lanes changed twice, then a re-run).
 */
class RerunAfterLaneChangeTest {

    @Test
    void rerun_heatRacedOnTheOldLanes_isStagedOnTheNewLanes() {
        RaceDay day = RaceDay.withSection("kk", 8).checkInAll("kk").start("kk", 1, 2, 3, 4, 5, 6, 7, 8);
        for (int i = 0; i < 4; i++) {
            day.race("kk");
            day.next("kk");
        }
        int last = day.section("kk").lastResultHeat();
        day.accept(new Command.ChangeLanes("kk", List.of(2, 7, 8), "lanes 1 and 3-6 lost their sensors"));
        assertThat(day.section("kk").laneEraStart()).isEqualTo(last);

        List<DomainEvent> rerun = day.accept(new Command.DeclareRerun("kk", last, "false start"));

        HeatStaged again = (HeatStaged) rerun.get(1);
        assertThat(again.heat()).isEqualTo(last);
        assertThat(again.lanes()).extracting(LaneCar::lane).isSubsetOf(2, 7, 8);
        SectionState s = day.section("kk");
        assertThat(s.laneEraStart()).as("the re-run heat belongs to the new lanes").isEqualTo(last - 1);
        assertThat(s.scheduleMetrics().laneBalanceMaxSpread()).isLessThanOrEqualTo(1);
        assertThat(RallyState.replay(day.log()).section("kk").orElseThrow()).isEqualTo(s);
    }
}
