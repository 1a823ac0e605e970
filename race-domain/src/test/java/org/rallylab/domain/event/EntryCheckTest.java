package org.rallylab.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11: the one check every event passes on its way into a rally file: the log's shape. */
class EntryCheckTest {

    private static final String RALLY = SampleEvents.RALLY;
    private static final String OTHER = "5e4d3c2b-1f6d-4b0d-9e2a-c5a4d8e7f6a5";
    private static final String S = SampleEvents.SECTION;

    private static RallyCreated created() {
        return new RallyCreated(1, RALLY, "Rally", "2026-02-15", null, Extras.NONE);
    }

    private static SectionStarted started() {
        return new SectionStarted(5, RALLY, S, List.of(1, 2), Extras.NONE);
    }

    private static HeatStaged staged() {
        return new HeatStaged(6, RALLY, S, 1, List.of(new LaneCar(1, "1", "Ava"), new LaneCar(2, "2", "Ben")), false,
                false, Extras.NONE);
    }

    private static CarArrived arrived(String rally) {
        return new CarArrived(7, rally, S, "3", Extras.NONE);
    }

    @Test
    void log_startsWithTheOneRallyCreated() {
        EntryCheck check = EntryCheck.newLog();
        assertThatThrownBy(() -> check.admit(arrived(RALLY)))
                .hasMessage("CarArrived cannot come first: a rally's log starts with RallyCreated");
        assertThat(check.isEmpty()).isTrue();
        assertThatCode(() -> check.admit(created())).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.admit(created())).hasMessageStartingWith("RallyCreated can come only once");
        assertThatThrownBy(() -> check.admit(arrived(OTHER)))
                .hasMessage("CarArrived belongs to rally " + OTHER + ", but this log holds rally " + RALLY
                        + ": each rally has its own rally file");
    }

    @Test
    void start_isFollowedByItsFirstHeat_andAWholeLogDoesNotEndBetween() throws Exception {
        EntryCheck check = EntryCheck.newLog();
        check.admit(List.of(created(), started()));
        assertThatThrownBy(check::finish).hasMessage("SectionStarted of section " + S + " has no HeatStaged after it:"
                + " the log ends in the middle of a start");
        assertThatThrownBy(() -> check.admit(arrived(RALLY))).hasMessageContaining("comes after its SectionStarted");
        check.admit(staged());
        check.admit(arrived(RALLY));
        assertThatCode(check::finish).doesNotThrowAnyException();
    }

    @Test
    void batch_refusedWhole_theCheckUnchanged() throws Exception {
        EntryCheck check = EntryCheck.newLog();
        check.admit(created());
        assertThatThrownBy(() -> check.admit(List.of(started(), arrived(RALLY))))
                .hasMessageStartingWith("event 2 of 2: CarArrived of section " + S);
        assertThatCode(() -> check.admit(arrived(RALLY))).as("the start of the refused batch was not kept")
                .doesNotThrowAnyException();
    }

    @Test
    void resume_afterStoredEvents_checksTheNextAgainstThem() throws Exception {
        EntryCheck check = EntryCheck.newLog();
        check.resume(RallyCreated.TYPE, null, RALLY);
        check.resume(SectionStarted.TYPE, S, RALLY);
        assertThatThrownBy(() -> check.admit(created())).hasMessageStartingWith("RallyCreated can come only once");
        assertThatThrownBy(() -> check.admit(arrived(RALLY))).hasMessageContaining("before the HeatStaged");
        check.admit(staged());
    }
}
