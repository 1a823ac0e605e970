package org.rallylab.domain.event;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one check every event passes on its way into a rally file, whichever way it comes: an
 * operator's command, {@code import-log}, a cloud pull, a restore from a backup or the cloud, a
 * roster package. The backup writer and reader apply the same check, so a backup written is a
 * backup that restores.
 *
 * <p>Each event keeps the {@link EventLimits}; and the log keeps its shape:
 * <ul>
 *   <li>it starts with RallyCreated, and has only that one;</li>
 *   <li>every event names the rally of the first;</li>
 *   <li>after a SectionStarted, the next event of that section is its HeatStaged (the start
 *       stages heat 1 in the same step; without it the section would race "heat 0");</li>
 *   <li>a whole log ({@link #finish()}: an imported one) leaves no section started without its
 *       HeatStaged.</li>
 * </ul>
 * It is never applied to a log being replayed: history already written is folded as it is.
 *
 * <p>{@link #admit(List)} checks a batch whole before it remembers any of it, so a refused
 * batch leaves the check as it was, like the append it guards.
 */
public final class EntryCheck {

    private boolean started;
    private String rallyId;
    private final Set<String> awaitingHeat = new HashSet<>();

    private EntryCheck() {
    }

    /** The check for an empty log. */
    public static EntryCheck newLog() {
        return new EntryCheck();
    }

    /**
     * Takes note of an event already in the log (read back from a file, not checked again): its
     * type, section and rally. Call it for every stored event, in order, before {@link #admit}.
     */
    public void resume(String type, String sectionId, String eventRallyId) {
        if (!started) {
            started = true;
            rallyId = eventRallyId;
        } else if (rallyId == null) {
            rallyId = eventRallyId;
        }
        note(type, sectionId);
    }

    /** Checks {@code event}; when it passes, it is part of the log from now on. */
    public void admit(DomainEvent event) throws EventFormatException {
        admit(List.of(event));
    }

    /**
     * Checks a batch about to be appended together; when all pass, they are part of the log. The
     * message of a refusal names the event by its place in the batch.
     */
    public void admit(List<? extends DomainEvent> events) throws EventFormatException {
        EntryCheck trial = copy();
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = Objects.requireNonNull(events.get(i), "event");
            try {
                trial.one(event);
            } catch (EventFormatException e) {
                throw new EventFormatException((events.size() == 1 ? "" : "event " + (i + 1) + " of " + events.size()
                        + ": ") + e.getMessage(), e);
            }
        }
        started = trial.started;
        rallyId = trial.rallyId;
        awaitingHeat.clear();
        awaitingHeat.addAll(trial.awaitingHeat);
    }

    /** The end-of-log rule for a whole log: no section is left started without its first HeatStaged. */
    public void finish() throws EventFormatException {
        if (!awaitingHeat.isEmpty()) {
            throw new EventFormatException("SectionStarted of section " + awaitingHeat.iterator().next()
                    + " has no HeatStaged after it: the log ends in the middle of a start");
        }
    }

    /** Whether the log has no events yet. */
    public boolean isEmpty() {
        return !started;
    }

    private void one(DomainEvent event) throws EventFormatException {
        EventLimits.check(event);
        boolean created = event instanceof RallyCreated;
        if (!started && !created) {
            throw new EventFormatException(event.type() + " cannot come first: a rally's log starts with"
                    + " RallyCreated");
        }
        if (started && created) {
            throw new EventFormatException("RallyCreated can come only once, at the start of the log;"
                    + " this log already holds rally " + rallyId);
        }
        String eventRally = event.rallyId();
        if (started && eventRally != null && rallyId != null && !rallyId.equals(eventRally)) {
            throw new EventFormatException(event.type() + " belongs to rally " + eventRally + ", but this log holds"
                    + " rally " + rallyId + ": each rally has its own rally file");
        }
        String section = event.sectionId();
        if (section != null && awaitingHeat.contains(section) && !(event instanceof HeatStaged)) {
            throw new EventFormatException(event.type() + " of section " + section + " comes after its"
                    + " SectionStarted, before the HeatStaged that starts it: a start stages heat 1 first");
        }
        if (!started) {
            started = true;
            rallyId = eventRally;
        }
        note(event.type(), section);
    }

    private void note(String type, String sectionId) {
        if (sectionId == null) {
            return;
        }
        if (SectionStarted.TYPE.equals(type)) {
            awaitingHeat.add(sectionId);
        } else if (HeatStaged.TYPE.equals(type)) {
            awaitingHeat.remove(sectionId);
        }
    }

    /** An independent copy: checks on it do not change this one. */
    public EntryCheck copy() {
        EntryCheck c = new EntryCheck();
        c.started = started;
        c.rallyId = rallyId;
        c.awaitingHeat.addAll(awaitingHeat);
        return c;
    }
}
