package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures an operator reads before starting a section, measured on hand-made heats. */
class ScheduleMeasuresTest {

    private static Heat heat(int number, String... cars) {
        List<LaneAssignment> lanes = new java.util.ArrayList<>();
        for (int i = 0; i < cars.length; i++) {
            lanes.add(new LaneAssignment(i + 1, cars[i]));
        }
        return new Heat(number, lanes);
    }

    @Test
    void meetings_countsEveryPairOfTheCars_alsoThoseThatNeverMeet() {
        List<Heat> heats = List.of(heat(1, "A", "B"), heat(2, "A", "B"), heat(3, "C", "A"));

        assertThat(ScheduleMeasures.meetings(heats, List.of("A", "B", "C", "D")))
                .isEqualTo(new ScheduleMeasures.Meetings(2, 0, 4, 6)); // AB 2, AC 1; BC, AD, BD, CD never
        assertThat(ScheduleMeasures.meetings(heats, List.of("A", "B", "C")).most())
                .isEqualTo(ScheduleMeasures.maxPairMeetings(heats));
        assertThat(ScheduleMeasures.meetings(List.of(), List.of("A"))).isEqualTo(new ScheduleMeasures.Meetings(0, 0, 0, 0));
    }

    @Test
    void backToBack_countsRunsInTheNextHeatAndTheCarsThatHaveThem() {
        List<Heat> heats = List.of(heat(1, "A", "B"), heat(2, "A", "C"), heat(3, "A", "B"), heat(4, "C", "D"));

        assertThat(ScheduleMeasures.backToBack(heats)).isEqualTo(new ScheduleMeasures.BackToBack(2, 1)); // A: 1-2, 2-3
        assertThat(ScheduleMeasures.backToBack(heats.subList(0, 1))).isEqualTo(new ScheduleMeasures.BackToBack(0, 0));
    }

    @Test
    void aFirstSchedule_withTwiceAsManyCarsAsLanes_hasNoBackToBackRun() {
        Schedule schedule = Scheduler.plan(ScheduleChecks.cars(8), List.of(1, 2, 3, 4), 4);

        assertThat(ScheduleMeasures.backToBack(schedule.heats()).runs()).isZero();
        assertThat(ScheduleMeasures.meetings(schedule.heats(), ScheduleChecks.cars(8)).most())
                .isEqualTo(schedule.metrics().maxPairMeetings());
    }
}
