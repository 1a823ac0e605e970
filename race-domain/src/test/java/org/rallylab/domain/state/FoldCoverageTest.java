package org.rallylab.domain.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.domain.event.UnrecognizedEvent;

/**
 * Issue 12: the fold knows every kind of event. Java 17 has no exhaustive switch over a sealed
 * interface, and the fold ignores what it does not know (history is never rejected), so an event
 * type added to {@link DomainEvent} but missed by the fold would be dropped without a word. This
 * walks the permitted records: each one, folded where it stands in a realistic log, changes the
 * state, where an event the fold does not know changes nothing but the count.
 */
class FoldCoverageTest {

    @Test
    void apply_everyPermittedEventType_changesTheState_issue12() {
        List<DomainEvent> log = SampleEvents.everyType();
        for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
            if (type == UnrecognizedEvent.class) {
                continue; // the one type that is counted and kept, never folded
            }
            int at = indexOf(log, type);
            RallyState before = RallyState.replay(log.subList(0, at));
            RallyState folded = before.copy().apply(log.get(at));
            RallyState ignored = before.copy().apply(unknown());

            assertThat(folded).as("%s is folded (not ignored like an unknown event)", type.getSimpleName())
                    .isNotEqualTo(ignored);
        }
    }

    @Test
    void apply_unknownEvent_changesNothingButTheCount() {
        RallyState state = RallyState.replay(SampleEvents.everyType());
        RallyState once = state.copy().apply(unknown());
        assertThat(once).isEqualTo(state.copy().apply(unknown()));
        assertThat(once.eventCount()).isEqualTo(state.eventCount() + 1);
    }

    private static int indexOf(List<DomainEvent> log, Class<?> type) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).getClass() == type) {
                return i;
            }
        }
        throw new AssertionError("SampleEvents.everyType() has no " + type.getSimpleName() + ": add one");
    }

    private static UnrecognizedEvent unknown() {
        return new UnrecognizedEvent("TrophyAwarded", 1_708_012_345_700L, SampleEvents.RALLY, SampleEvents.SECTION,
                Extras.NONE);
    }
}
