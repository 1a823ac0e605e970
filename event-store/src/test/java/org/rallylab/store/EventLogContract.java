package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.RallyLogs.OTHER_RALLY;
import static org.rallylab.store.RallyLogs.RALLY;
import static org.rallylab.store.RallyLogs.SECTION;
import static org.rallylab.store.RallyLogs.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.domain.event.UnrecognizedEvent;
import org.rallylab.domain.state.RallyState;

/** The contract every {@link EventLog} keeps; one subclass per implementation. */
abstract class EventLogContract {

    protected EventLog log;

    protected abstract EventLog newLog() throws Exception;

    @BeforeEach
    void openLog() throws Exception {
        log = newLog();
    }

    @AfterEach
    void closeLog() throws Exception {
        log.close();
    }

    private static List<Long> sequences(List<StoredEvent> stored) {
        return stored.stream().map(StoredEvent::sequence).toList();
    }

    private List<StoredEvent> all() throws RallyFileException {
        List<StoredEvent> all = new ArrayList<>();
        log.replay(all::add);
        return all;
    }

    @Test
    void lastSequence_newLog_isZero() throws Exception {
        assertThat(log.lastSequence()).isZero();
        assertThat(log.rallyId()).isEmpty();
        assertThat(all()).isEmpty();
    }

    @Test
    void append_firstEvent_getsSequenceOne() throws Exception {
        StoredEvent stored = log.append(RallyLogs.rallyCreated());

        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.event()).isEqualTo(RallyLogs.rallyCreated());
        assertThat(log.lastSequence()).isEqualTo(1);
    }

    @Test
    void append_batches_numbersConsecutivelyInOrder() throws Exception {
        List<DomainEvent> opening = RallyLogs.opening(4);

        List<StoredEvent> first = log.append(opening.subList(0, 3));
        List<StoredEvent> single = log.append(opening.subList(3, 4));
        List<StoredEvent> rest = log.append(opening.subList(4, opening.size()));

        assertThat(sequences(first)).containsExactly(1L, 2L, 3L);
        assertThat(sequences(single)).containsExactly(4L);
        assertThat(sequences(rest)).containsExactly(5L, 6L, 7L);
        assertThat(first.stream().map(StoredEvent::event).toList()).isEqualTo(opening.subList(0, 3));
        assertThat(log.lastSequence()).isEqualTo(7);
    }

    @Test
    void append_emptyList_isNoOp() throws Exception {
        log.append(RallyLogs.rallyCreated());

        assertThat(log.append(List.of())).isEmpty();
        assertThat(log.lastSequence()).isEqualTo(1);
    }

    @Test
    void replay_afterAppends_givesWhatWasAppendedInOrder() throws Exception {
        List<DomainEvent> events = SampleEvents.everyType();
        log.append(events.subList(0, 10));
        for (DomainEvent e : events.subList(10, events.size())) {
            log.append(e);
        }

        List<StoredEvent> replayed = all();

        assertThat(replayed.stream().map(StoredEvent::event).toList()).isEqualTo(events);
        assertThat(sequences(replayed)).isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
    }

    @Test
    void append_returnsWhatReplayGivesLater() throws Exception {
        List<StoredEvent> appended = new ArrayList<>(log.append(SampleEvents.everyType()));

        assertThat(all()).isEqualTo(appended);
    }

    @Test
    void storedEvent_delegatesToItsEventAndKeepsThePayload() throws Exception {
        RaceCompleted race = RallyLogs.raceCompleted(SECTION, 3, T0 + 500, 2345, 2401);
        log.append(RallyLogs.rallyCreated());

        StoredEvent stored = log.append(race);

        assertThat(stored.type()).isEqualTo("RaceCompleted");
        assertThat(stored.sectionId()).isEqualTo(SECTION);
        assertThat(stored.rallyId()).isEqualTo(RALLY);
        assertThat(stored.timestamp()).isEqualTo(T0 + 500);
        assertThat(stored.payloadJson()).isEqualTo(EventJson.payload(race).toString());
    }

    @Test
    void readAfter_middle_givesTheNextEventsUpToTheLimit() throws Exception {
        log.append(RallyLogs.opening(8)); // 11 events

        assertThat(sequences(log.readAfter(0, 3))).containsExactly(1L, 2L, 3L);
        assertThat(sequences(log.readAfter(4, 3))).containsExactly(5L, 6L, 7L);
        assertThat(sequences(log.readAfter(9, 500))).containsExactly(10L, 11L);
        assertThat(log.readAfter(11, 10)).isEmpty();
        assertThat(log.readAfter(99, 10)).isEmpty();
        assertThat(log.readAfter(4, 1).get(0)).isEqualTo(all().get(4));
    }

    @Test
    void readAfter_impossibleArguments_refused() {
        assertThatThrownBy(() -> log.readAfter(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.readAfter(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit 1 or more");
    }

    @Test
    void rallyId_afterFirstEventNamingOne_isThatRally() throws Exception {
        assertThat(log.rallyId()).isEmpty();

        log.append(RallyLogs.rallyCreated());
        log.append(new UnrecognizedEvent("ClockSynced", T0, null, null, Extras.NONE));

        assertThat(log.rallyId()).contains(RALLY);
    }

    /** Issue 11: every way in is checked the same way; a log starts with RallyCreated. */
    @Test
    void append_firstEventNotRallyCreated_refusedAndNothingAppended() throws Exception {
        assertThatThrownBy(() -> log.append(RallyLogs.carArrived(SECTION, 1, T0)))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.REFUSED))
                .hasMessageContaining("CarArrived cannot come first: a rally's log starts with RallyCreated");
        assertThat(log.lastSequence()).isZero();
    }

    /** Issue 11: a value no race can have is refused where it enters, naming the field and the limit. */
    @Test
    void append_eventBeyondTheLimits_refusedAndNothingAppended() throws Exception {
        log.append(RallyLogs.rallyCreated());
        RaceCompleted endless = new RaceCompleted(T0 + 1, RALLY, SECTION, 1, "race-1",
                new TreeMap<>(Map.of(1, Long.MAX_VALUE)), null, false, null, Extras.NONE);

        assertThatThrownBy(() -> log.append(List.of(RallyLogs.carArrived(SECTION, 1, T0), endless)))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.REFUSED))
                .hasMessageContaining("event 2 of 2: RaceCompleted: \"times_ms.1\" " + Long.MAX_VALUE
                        + " is beyond any race (0 to 600000 ms)")
                .hasMessageContaining("Nothing was stored");
        assertThat(log.lastSequence()).isEqualTo(1);
        assertThat(log.append(RallyLogs.carArrived(SECTION, 1, T0)).sequence()).isEqualTo(2);
    }

    @Test
    void append_eventOfAnotherRally_refusedNamingBothRallies() throws Exception {
        log.append(RallyLogs.rallyCreated());
        DomainEvent stray = new org.rallylab.domain.event.CarArrived(T0 + 9, OTHER_RALLY, SECTION, "7", Extras.NONE);

        assertThatThrownBy(() -> log.append(stray))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.WRONG_RALLY))
                .hasMessageContaining(RALLY).hasMessageContaining(OTHER_RALLY).hasMessageContaining("CarArrived");
        assertThat(log.lastSequence()).isEqualTo(1);
    }

    @Test
    void append_batchMixingTwoRallies_appendsNothing() throws Exception {
        List<DomainEvent> batch = List.of(RallyLogs.rallyCreated(),
                RallyLogs.sectionCreated(SECTION, "Kub Kars"),
                new org.rallylab.domain.event.CarArrived(T0 + 9, OTHER_RALLY, SECTION, "7", Extras.NONE));

        assertThatThrownBy(() -> log.append(batch)).isInstanceOf(RallyFileException.class)
                .hasMessageContaining("event 3 of 3").hasMessageContaining(OTHER_RALLY);
        assertThat(log.lastSequence()).isZero();
        assertThat(log.rallyId()).isEmpty();
    }

    @Test
    void rebuild_afterRaceDay_equalsTheFoldOfTheSameEvents() throws Exception {
        List<DomainEvent> events = RallyLogs.rally(2, 6, 3, 7);
        for (int i = 0; i < events.size(); i += 5) {
            log.append(events.subList(i, Math.min(events.size(), i + 5)));
        }

        RallyState rebuilt = log.rebuild();

        assertThat(rebuilt).isEqualTo(RallyState.replay(events));
        assertThat(rebuilt.eventCount()).isEqualTo(events.size());
        assertThat(rebuilt.section(SECTION).orElseThrow().completed()).isTrue();
    }

    @Test
    void close_twice_isHarmless() throws Exception {
        log.close();
        log.close();
        log = newLog();
    }
}
