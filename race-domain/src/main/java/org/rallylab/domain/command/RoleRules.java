package org.rallylab.domain.command;

import static org.rallylab.domain.command.Guards.reject;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.rallylab.domain.event.CheckInVolunteerInvited;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.OperatorInvited;
import org.rallylab.domain.event.RegistrarInvited;
import org.rallylab.domain.event.RoleRevoked;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * Who may help with a rally (docs/race-rules.md, Who may do what): a registrar per section, any
 * number of operators, check-in volunteers per section, and taking a role back. The server turns
 * these events into rights; here they are checked and recorded.
 */
final class RoleRules {

    /** The role names, as RoleRevoked writes them. */
    static final List<String> ROLES = List.of("registrar", "operator", "checkin_volunteer");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private RoleRules() {
    }

    static Decision inviteRegistrar(RallyState state, Command.InviteRegistrar c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = Guards.section(state, c.sectionId());
        String email = email(c.email());
        if (s.registrarEmail().filter(email::equalsIgnoreCase).isPresent()) {
            return new Decision.Ignored(email + " is already the registrar of " + s.sectionName() + ".");
        }
        return new Decision.Accepted(List.of(new RegistrarInvited(now, rallyId, s.sectionId(), email, c.invitedBy(),
                Extras.NONE)));
    }

    static Decision inviteOperator(RallyState state, Command.InviteOperator c, long now) {
        String rallyId = Guards.rallyId(state);
        String email = email(c.email());
        if (state.operators().stream().anyMatch(email::equalsIgnoreCase)) {
            return new Decision.Ignored(email + " is already an operator of this rally.");
        }
        return new Decision.Accepted(List.of(new OperatorInvited(now, rallyId, email, c.invitedBy(), Extras.NONE)));
    }

    static Decision inviteCheckInVolunteer(RallyState state, Command.InviteCheckInVolunteer c, long now) {
        String rallyId = Guards.rallyId(state);
        SectionState s = Guards.section(state, c.sectionId());
        String email = email(c.email());
        if (s.checkInVolunteers().stream().anyMatch(email::equalsIgnoreCase)) {
            return new Decision.Ignored(email + " already checks cars in for " + s.sectionName() + ".");
        }
        return new Decision.Accepted(List.of(new CheckInVolunteerInvited(now, rallyId, s.sectionId(), email,
                c.invitedBy(), Extras.NONE)));
    }

    static Decision revokeRole(RallyState state, Command.RevokeRole c, long now) {
        String rallyId = Guards.rallyId(state);
        String email = email(c.email());
        String role = c.role() == null ? "" : c.role().strip().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw reject("There is no role \"" + c.role() + "\" to take back: the roles are "
                    + String.join(", ", ROLES) + ". (The organizer's role cannot be taken back.)");
        }
        String sectionId = null;
        boolean holds;
        if (role.equals("operator")) {
            holds = state.operators().stream().anyMatch(email::equalsIgnoreCase);
        } else {
            SectionState s = Guards.section(state, c.sectionId());
            sectionId = s.sectionId();
            holds = role.equals("registrar") ? s.registrarEmail().filter(email::equalsIgnoreCase).isPresent()
                    : s.checkInVolunteers().stream().anyMatch(email::equalsIgnoreCase);
        }
        if (!holds) {
            throw reject(email + " is not " + (role.equals("operator") ? "an operator" : "a " + role.replace('_', ' '))
                    + (sectionId == null ? "" : " of " + Guards.section(state, sectionId).sectionName()) + ".");
        }
        return new Decision.Accepted(List.of(new RoleRevoked(now, rallyId, sectionId, email, role, c.revokedBy(),
                Extras.NONE)));
    }

    private static String email(String value) {
        String email = value == null ? "" : value.strip();
        if (!EMAIL.matcher(email).matches()) {
            throw reject("\"" + email + "\" is not an email address: invitations go to an address like "
                    + "name@example.org, where the person signs in with a code.");
        }
        return email.toLowerCase(Locale.ROOT);
    }
}
