package org.rallylab.app.ui.prerace;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.state.RallyState;

/**
 * The participant commands the editor's forms run: add and fix a participant, where a group
 * name the rally does not know yet creates the group first. A refusal writes nothing: the
 * command is tried against the state with the new group before the group is created.
 */
final class RosterEdits {

    private final OperatorContext context;
    private final Supplier<String> ids;

    RosterEdits(OperatorContext context, Supplier<String> ids) {
        this.context = context;
        this.ids = ids;
    }

    /** Adds a participant to {@code sectionId}: a blank car number gets the next free one. */
    Decision add(String sectionId, ParticipantDialog.Form form) {
        String participantId = ids.get();
        return withGroup(form.groupName(), groupId -> new Command.AddParticipant(sectionId, participantId,
                form.name(), form.carNumber().isBlank() ? null : form.carNumber(), groupId));
    }

    /** Gives a participant the form's name and group (a blank group: no group). */
    Decision update(String sectionId, String participantId, ParticipantDialog.Form form) {
        return withGroup(form.groupName(), groupId -> new Command.UpdateParticipant(sectionId, participantId,
                form.name(), new ParticipantUpdated.GroupChange(groupId)));
    }

    /** Executes {@code command} for the group named {@code groupName} (created when new; blank: none). */
    private Decision withGroup(String groupName, Function<String, Command> command) {
        RallySession session = context.session();
        if (groupName == null || groupName.isBlank()) {
            return told(session.execute(command.apply(null)));
        }
        String known = groupNamed(session.state(), groupName);
        if (known != null) {
            return told(session.execute(command.apply(known)));
        }
        String groupId = ids.get();
        Command.CreateGroup create = new Command.CreateGroup(groupId, groupName.strip());
        RallyState trial = session.state().copy();
        long now = session.clock().millis();
        Decision group = session.rules().decide(trial, create, now);
        if (!(group instanceof Decision.Accepted)) {
            return told(group);
        }
        group.events().forEach(trial::apply);
        Decision then = session.rules().decide(trial, command.apply(groupId), now);
        if (!(then instanceof Decision.Accepted)) {
            return told(then);
        }
        Decision created = told(session.execute(create));
        if (!(created instanceof Decision.Accepted)) {
            return created;
        }
        return told(session.execute(command.apply(groupId)));
    }

    private Decision told(Decision d) {
        context.tell(d);
        return d;
    }

    /** The id of the rally's group with this name ignoring case and outer spaces, or null. */
    static String groupNamed(RallyState state, String name) {
        for (Map.Entry<String, String> g : state.groups().entrySet()) {
            if (g.getValue().strip().equalsIgnoreCase(name.strip())) {
                return g.getKey();
            }
        }
        return null;
    }
}
