package org.rallylab.domain.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * What one person may change in a rally, as its own invitations say (docs/race-rules.md):
 * the organizer and operators everything; a registrar the roster of their own sections; a
 * check-in volunteer the arrivals of their own sections. This spares people from mistakes on their
 * laptop; the server's row-level security is the real guard, and it refuses the same things.
 *
 * <p>{@link #of} reads the roles from the rally: someone named as registrar or check-in volunteer
 * and holding no rally-wide role (organizer by {@code created_by}, operator by invitation) gets
 * just those sections. Anybody else is not limited here: the organizer of a rally whose
 * {@code created_by} is not an email, or a person the rally does not name, whom the server then
 * refuses with its own message.
 */
public record Access(String email, boolean wholeRally, Set<String> registrarSections, Set<String> checkInSections) {

    /** No limits: a rally on this laptop only, or nobody signed in. */
    public static final Access EVERYTHING = new Access("", true, Set.of(), Set.of());

    public Access {
        Objects.requireNonNull(email, "email");
        registrarSections = Set.copyOf(registrarSections);
        checkInSections = Set.copyOf(checkInSections);
    }

    /** What {@code email} may change in {@code state}'s rally. */
    public static Access of(RallyState state, String email) {
        String who = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (who.isEmpty()) {
            return EVERYTHING;
        }
        boolean organizer = state.createdBy().map(c -> c.strip().equalsIgnoreCase(who)).orElse(false);
        boolean operator = state.operators().stream().anyMatch(o -> o.equalsIgnoreCase(who));
        Set<String> registrar = new TreeSet<>();
        Set<String> checkIn = new TreeSet<>();
        for (SectionState s : state.sections()) {
            if (s.registrarEmail().filter(r -> r.equalsIgnoreCase(who)).isPresent()) {
                registrar.add(s.sectionId());
            }
            if (s.checkInVolunteers().stream().anyMatch(v -> v.equalsIgnoreCase(who))) {
                checkIn.add(s.sectionId());
            }
        }
        boolean whole = organizer || operator || (registrar.isEmpty() && checkIn.isEmpty());
        return new Access(who, whole, registrar, checkIn);
    }

    /** Whether this person may change the roster of {@code sectionId} (add, edit, remove, import). */
    public boolean mayEditRoster(String sectionId) {
        return wholeRally || registrarSections.contains(sectionId);
    }

    /** Whether this person may check cars of {@code sectionId} in. */
    public boolean mayCheckIn(String sectionId) {
        return wholeRally || checkInSections.contains(sectionId);
    }

    /**
     * Why {@code command} is not this person's to give, or empty when it is. The reason names the
     * role and says whom to ask.
     */
    public Optional<String> refusal(RallyState state, Command command) {
        if (wholeRally) {
            return Optional.empty();
        }
        String section = rosterSection(command);
        if (section != null) {
            return mayEditRoster(section) ? Optional.empty() : Optional.of(notYours(state, section));
        }
        if (command instanceof Command.CreateGroup) {
            return registrarSections.isEmpty() ? Optional.of(only(state)) : Optional.empty();
        }
        if (command instanceof Command.MarkArrived c) {
            return mayCheckIn(c.sectionId()) ? Optional.empty() : Optional.of(notYours(state, c.sectionId()));
        }
        return Optional.of(only(state));
    }

    /** The section whose roster {@code command} changes, or null when it is not a roster change. */
    private static String rosterSection(Command command) {
        if (command instanceof Command.AddParticipant c) {
            return c.sectionId();
        } else if (command instanceof Command.UpdateParticipant c) {
            return c.sectionId();
        } else if (command instanceof Command.RemoveParticipant c) {
            return c.sectionId();
        } else if (command instanceof Command.ImportParticipants c) {
            return c.sectionId();
        }
        return null;
    }

    /** "registrar of Kub Kars; check-in volunteer of Beaver Buggies", for the top bar. */
    public String describe(RallyState state) {
        if (wholeRally) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (!registrarSections.isEmpty()) {
            text.append("registrar of ").append(names(state, registrarSections));
        }
        if (!checkInSections.isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append("check-in volunteer of ")
                    .append(names(state, checkInSections));
        }
        return text.toString();
    }

    private String notYours(RallyState state, String sectionId) {
        String name = state.section(sectionId).map(SectionState::sectionName).orElse("this section");
        return "Signed in as " + email + ", you are the " + describe(state) + ": " + name
                + " is not yours to change. Ask the rally's organizer.";
    }

    private String only(RallyState state) {
        return "Signed in as " + email + ", you are the " + describe(state) + ": only the organizer or an operator"
                + " can do that.";
    }

    private static String names(RallyState state, Set<String> sectionIds) {
        return sectionIds.stream()
                .map(id -> state.section(id).map(SectionState::sectionName).orElse(id))
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }
}
