package org.rallylab.domain.command;

import java.util.List;
import org.rallylab.domain.event.DomainEvent;

/** The answer to a command. Only {@link Accepted} carries events to append. */
public sealed interface Decision {

    /** The events to append, in order, as one batch. */
    default List<DomainEvent> events() {
        return List.of();
    }

    /** What to tell the operator (empty for an accepted command). */
    String message();

    record Accepted(List<DomainEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }

        @Override
        public String message() {
            return "";
        }
    }

    /** The command breaks a rule; the message says what to do instead. Nothing is appended. */
    record Rejected(String message) implements Decision {
    }

    /**
     * A race with a physically impossible time: nothing is appended until the operator
     * either accepts it (send the command again with acceptance) or re-runs the heat.
     * {@code problem} says which lane, car and time; the message adds those two choices. A form
     * where the times were typed shows the problem only: there the way out is to type again.
     */
    record Held(String problem) implements Decision {

        @Override
        public String message() {
            return problem + " Accept the race as timed, or re-run the heat.";
        }
    }

    /** Nothing to do and nothing wrong (a duplicate race from the track, a gate fault). */
    record Ignored(String message) implements Decision {
    }
}
