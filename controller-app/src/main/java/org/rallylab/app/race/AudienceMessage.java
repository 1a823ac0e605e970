package org.rallylab.app.race;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audience window (the projector) shows: one message per screen. The window holds
 * no state of its own; it renders the last {@link Screen} and the last {@link Overlay} it got from
 * the {@link AudienceDirector}'s buses. Every message is immutable.
 */
public sealed interface AudienceMessage {

    /** A full screen: one of welcome, staging, results, leaderboard, section complete. */
    sealed interface Screen extends AudienceMessage {
    }

    /** Drawn over the screen: the track's status, or nothing. */
    sealed interface Overlay extends AudienceMessage {
    }

    /** SHOW_WELCOME: a rally is loaded, cars are checking in. */
    record Welcome(String rallyName) implements Screen {
        public Welcome {
            Objects.requireNonNull(rallyName, "rallyName");
        }
    }

    /**
     * SHOW_STAGING: who goes in which lane of {@code heat} (of {@code totalHeats}).
     * {@code catchUp}: a solo heat for a late car. {@code dnfRerun}: only the cars that did not
     * finish the heat race again. {@code onDeck}: the heats after it, next first (as many as the
     * operator chose, fewer near the end; empty after the last).
     */
    record Staging(String sectionName, int heat, int totalHeats, List<Lane> lanes, boolean catchUp,
                   boolean dnfRerun, List<Lineup> onDeck) implements Screen {
        public Staging {
            lanes = List.copyOf(lanes);
            onDeck = List.copyOf(onDeck);
        }

        /** The heat after this one, when there is one. */
        public Optional<Lineup> upNext() {
            return onDeck.isEmpty() ? Optional.empty() : Optional.of(onDeck.get(0));
        }
    }

    /** A car in a lane. {@code name} is "" when the roster has none. */
    record Lane(int lane, String carNumber, String name) {
    }

    /** The cars of a heat, lane by lane. */
    record Lineup(int heat, List<Lane> lanes) {
        public Lineup {
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * SHOW_RESULTS: the ranked finish of {@code heat}, DNFs last. {@code manual}: ranked by hand,
     * so there are no times.
     */
    record Results(String sectionName, int heat, List<Finish> results, boolean manual) implements Screen {
        public Results {
            results = List.copyOf(results);
        }
    }

    /**
     * One car's finish. {@code timeMs} is null for a DNF and in a heat ranked by hand;
     * {@code impossible}: a time the operator accepted although it cannot be real.
     */
    record Finish(int place, int lane, String carNumber, String name, Long timeMs, boolean dnf, boolean impossible) {
    }

    /** SHOW_LEADERBOARD: the section's standings so far. */
    record Leaderboard(String sectionName, List<Standing> standings) implements Screen {
        public Leaderboard {
            standings = List.copyOf(standings);
        }
    }

    /**
     * One line of standings. Equal {@code rank}s are ties ("T3"); {@code incomplete}
     * cars are listed after the others. The audience never sees a made-up time:
     * {@code averageMs} is null when a DNF (scored as the race timeout) or a place given by hand
     * (a synthetic time) is part of it, and {@code bestMs} is the fastest measured time, null when
     * there is none. {@code dnfCount} and {@code placedByHand} count those heats.
     */
    record Standing(int rank, String carNumber, String name, Long averageMs, Long bestMs, int heatsRun,
                    int dnfCount, int placedByHand, boolean incomplete) {
    }

    /**
     * SHOW_SECTION_COMPLETE: the final standings, revealed from the last place up.
     * {@code revealed} is how many entries, counted from the end of {@code standings}, may be
     * shown; it equals {@code standings.size()} when the reveal is done. The top three are the
     * ones to highlight.
     */
    record SectionComplete(String sectionName, List<Standing> standings, int revealed, boolean earlyEnd)
            implements Screen {
        public SectionComplete {
            standings = List.copyOf(standings);
            if (revealed < 0 || revealed > standings.size()) {
                throw new IllegalArgumentException("revealed " + revealed + " of " + standings.size() + " standings");
            }
        }

        /** The entries that may be shown, in standings order. */
        public List<Standing> visible() {
            return standings.subList(standings.size() - revealed, standings.size());
        }

        public boolean fullyRevealed() {
            return revealed == standings.size();
        }
    }

    /**
     * SHOW_TRACK_STATUS, while a heat is staged and the track is not ready: {@code message} tells
     * the track operator what to do ("Reset the start gate.", "Lane 3's sensor is stuck.").
     * {@code gateReady} is null when unknown.
     */
    record TrackStatus(Boolean gateReady, List<LaneSensor> lanes, boolean connected, String message)
            implements Overlay {
        public TrackStatus {
            lanes = List.copyOf(lanes);
            Objects.requireNonNull(message, "message");
        }
    }

    /** A lane's finish sensor: {@code triggered} while something is over it. */
    record LaneSensor(int lane, boolean triggered) {
    }

    /** No overlay. */
    record NoOverlay() implements Overlay {
    }
}
