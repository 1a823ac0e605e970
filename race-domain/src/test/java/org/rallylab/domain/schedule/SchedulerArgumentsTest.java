package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;
import static org.rallylab.domain.schedule.ScheduleChecks.lanes;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bad arguments are rejected where they enter, with a message naming the bad value. */
class SchedulerArgumentsTest {

    @Test
    void plan_oneCar_saysTwoAreNeeded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(List.of("7"), lanes(4), 4))
                .withMessage("A schedule needs at least 2 cars; only 1 has checked in.");
    }

    @Test
    void plan_noCar_saysTwoAreNeeded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(List.of(), lanes(4), 4))
                .withMessage("A schedule needs at least 2 cars; none has checked in.");
    }

    @Test
    void replan_oneCarStillRacing_saysTwoAreNeeded() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.replan(List.of(), 0, List.of("3"), lanes(2), 2))
                .withMessage("A schedule needs at least 2 cars; only 1 is still racing.");
    }

    @Test
    void plan_lane9_namesTheLaneAndTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(cars(4), List.of(1, 9), 2))
                .withMessage("lane 9 is not a track lane: lanes are 1 to 8");
    }

    @Test
    void plan_lane0_namesTheLaneAndTheRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(cars(4), List.of(0, 1), 2))
                .withMessage("lane 0 is not a track lane: lanes are 1 to 8");
    }

    @Test
    void plan_noLanes_asksForLanes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(cars(4), List.of(), 2))
                .withMessageContaining("at least 1 lane");
    }

    @Test
    void plan_duplicateLane_namesTheLane() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(cars(4), List.of(1, 3, 3), 3))
                .withMessage("lane 3 is listed twice: list each lane once");
    }

    @Test
    void plan_duplicateCar_namesTheCar() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(List.of("1", "B7", "2", "B7"), lanes(2), 2))
                .withMessage("car B7 is listed twice: car numbers must be unique within a section");
    }

    @Test
    void plan_blankOrMissingCarNumber_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(List.of("1", " "), lanes(2), 2))
                .withMessageContaining("blank car number");
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(Arrays.asList("1", null), lanes(2), 2))
                .withMessageContaining("blank car number");
    }

    @Test
    void plan_zeroRunsPerCar_namesTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.plan(cars(4), lanes(2), 0))
                .withMessage("runs per car is 0: every car needs at least 1 run");
    }

    @Test
    void replan_misnumberedRacedHeat_namesNumberAndPosition() {
        Heat second = new Heat(2, List.of(new LaneAssignment(1, "1"), new LaneAssignment(2, "2")));
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.replan(List.of(second), 0, cars(3), lanes(2), 2))
                .withMessage("raced heat 2 is at position 1: raced heats must be numbered 1 to 1 in order");
    }

    @Test
    void replan_laneEraAfterLastRacedHeat_namesBothSides() {
        List<Heat> raced = Scheduler.plan(cars(4), lanes(2), 2).heats().subList(0, 2);
        assertThatIllegalArgumentException().isThrownBy(() -> Scheduler.replan(raced, 3, cars(4), lanes(2), 2))
                .withMessage("lane change after heat 3 is not possible: it must be between 0 (lanes never changed)"
                        + " and 2 (the last raced heat)");
    }
}
