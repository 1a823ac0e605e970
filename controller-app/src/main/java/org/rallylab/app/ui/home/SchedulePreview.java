package org.rallylab.app.ui.home;

import java.util.List;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.ScheduleMeasures;
import org.rallylab.domain.schedule.ScheduleMetrics;
import org.rallylab.domain.state.SectionState;

/**
 * What starting a section on the chosen lanes would do, asked of the rules before anything is
 * written: their refusal in their words (no roster, too few cars, no lane), or the schedule the
 * section would race and its figures, measured by {@link ScheduleMeasures}. Nothing here decides
 * whether a section can start or how its heats are planned.
 *
 * @param refusal   why the section cannot start on these lanes; null when it can
 * @param metrics   the scheduler's own figures (heats, runs per car, lane balance, ...); null when refused
 * @param meetings  how often pairs of cars share a heat; null when refused
 * @param backToBack runs in consecutive heats; null when refused
 */
record SchedulePreview(String refusal, ScheduleMetrics metrics, ScheduleMeasures.Meetings meetings,
                       ScheduleMeasures.BackToBack backToBack) {

    boolean canStart() {
        return refusal == null;
    }

    /** What starting section {@code sectionId} on {@code lanes} would do now. */
    static SchedulePreview of(RallySession session, String sectionId, List<Integer> lanes) {
        Decision decision = session.preview(new Command.StartSection(sectionId, lanes));
        if (!(decision instanceof Decision.Accepted accepted)) {
            return new SchedulePreview(decision.message(), null, null, null);
        }
        SectionState before = session.state().section(sectionId).orElseThrow();
        SectionState after = before.after(accepted.events());
        List<Heat> heats = after.heats();
        return new SchedulePreview(null, after.scheduleMetrics(), ScheduleMeasures.meetings(heats, after.racingCars()),
                ScheduleMeasures.backToBack(heats));
    }
}
