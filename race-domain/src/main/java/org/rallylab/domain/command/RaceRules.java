package org.rallylab.domain.command;

import java.util.Objects;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.state.RallyState;

/**
 * {@code decide(state, command)}: the rules of race day (docs/race-rules.md, and
 * the ordering rules of docs/events.md). Pure: it reads the state and the time it is
 * given, and returns the events to append or why not. Never changes the state.
 */
public final class RaceRules {

    private final RaceSettings settings;

    public RaceRules(RaceSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public RaceRules() {
        this(RaceSettings.DEFAULTS);
    }

    public RaceSettings settings() {
        return settings;
    }

    /**
     * Decides a command at time {@code now} (Unix ms, stamped on the events).
     */
    public Decision decide(RallyState state, Command command, long now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(command, "command");
        Decision decision = rules(state, command, now);
        if (decision instanceof Decision.Accepted accepted) {
            for (DomainEvent event : accepted.events()) {
                try {
                    EventLimits.check(event);
                } catch (EventFormatException e) {
                    return new Decision.Rejected("Not recorded: " + e.getMessage() + ".");
                }
            }
        }
        return decision;
    }

    /** The rule for {@code command}; every event it accepts is then held to the {@link EventLimits}. */
    private Decision rules(RallyState state, Command command, long now) {
        try {
            if (command instanceof Command.CreateRally c) {
                return SetupRules.createRally(state, c, now);
            } else if (command instanceof Command.CreateSection c) {
                return SetupRules.createSection(state, c, now);
            } else if (command instanceof Command.LoadRoster c) {
                return SetupRules.loadRoster(state, c, now);
            } else if (command instanceof Command.RenameSection c) {
                return PreRaceRules.renameSection(state, c, now);
            } else if (command instanceof Command.CreateGroup c) {
                return PreRaceRules.createGroup(state, c, now);
            } else if (command instanceof Command.AddParticipant c) {
                return PreRaceRules.addParticipant(state, c, now);
            } else if (command instanceof Command.UpdateParticipant c) {
                return PreRaceRules.updateParticipant(state, c, now);
            } else if (command instanceof Command.RemoveParticipant c) {
                return PreRaceRules.removeParticipant(state, c, now);
            } else if (command instanceof Command.ImportParticipants c) {
                return ImportRules.importParticipants(state, c, now);
            } else if (command instanceof Command.LoadRosterForRaceDay c) {
                return PreRaceRules.loadRosterForRaceDay(state, c, now);
            } else if (command instanceof Command.InviteRegistrar c) {
                return RoleRules.inviteRegistrar(state, c, now);
            } else if (command instanceof Command.InviteOperator c) {
                return RoleRules.inviteOperator(state, c, now);
            } else if (command instanceof Command.InviteCheckInVolunteer c) {
                return RoleRules.inviteCheckInVolunteer(state, c, now);
            } else if (command instanceof Command.RevokeRole c) {
                return RoleRules.revokeRole(state, c, now);
            } else if (command instanceof Command.MarkArrived c) {
                return CheckInRules.markArrived(state, c, now);
            } else if (command instanceof Command.CancelArrival c) {
                return CheckInRules.cancelArrival(state, c, now);
            } else if (command instanceof Command.StartSection c) {
                return CheckInRules.startSection(state, c, now);
            } else if (command instanceof Command.StageNextHeat c) {
                return HeatRules.stageNextHeat(state, c, now);
            } else if (command instanceof Command.RecordRace c) {
                return ResultRules.recordRace(state, c, settings, now);
            } else if (command instanceof Command.DeclareRerun c) {
                return HeatRules.declareRerun(state, c, now);
            } else if (command instanceof Command.RerunDnfLanes c) {
                return HeatRules.rerunDnfLanes(state, c, now);
            } else if (command instanceof Command.EnterManualResult c) {
                return ResultRules.enterManualResult(state, c, now);
            } else if (command instanceof Command.RemoveCar c) {
                return HeatRules.removeCar(state, c, now);
            } else if (command instanceof Command.CorrectLanes c) {
                return ResultRules.correctLanes(state, c, now);
            } else if (command instanceof Command.ChangeLanes c) {
                return HeatRules.changeLanes(state, c, now);
            } else if (command instanceof Command.CompleteSection c) {
                return HeatRules.completeSection(state, c, now);
            } else if (command instanceof Command.EndSectionEarly c) {
                return HeatRules.endSectionEarly(state, c, now);
            }
            throw new IllegalStateException("no rule for " + command.getClass().getSimpleName());
        } catch (Rejection rejection) {
            return new Decision.Rejected(rejection.getMessage());
        }
    }
}
