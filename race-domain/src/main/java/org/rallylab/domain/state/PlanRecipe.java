package org.rallylab.domain.state;

import java.util.List;
import org.rallylab.domain.schedule.Heat;

/**
 * How a section's heats after {@code keepThrough} were last planned: the inputs of one call to
 * the scheduler, recorded by the fold at the event that asked for it (start, late arrival,
 * removal, lane change, lane correction). The heats themselves are computed only when someone
 * asks for them ({@link SchedulePlanner}); folding a log never runs the scheduler.
 *
 * @param initial     the first plan of the section ({@code kept} empty)
 * @param kept        the staged heats that stay as they are, in order (section numbering)
 * @param keepThrough the number of the last kept heat (0 when none)
 * @param eraStart    the last heat raced before the current lane set (section numbering)
 */
record PlanRecipe(boolean initial, List<Heat> kept, int keepThrough, int eraStart, List<String> cars,
                  List<Integer> lanes, int runsPerCar) {

    PlanRecipe {
        kept = List.copyOf(kept);
        cars = List.copyOf(cars);
        lanes = List.copyOf(lanes);
    }
}
