package org.rallylab.domain.event;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * The sizes and ranges every event keeps, whichever way it enters a rally file: a command, an
 * imported log, a cloud pull, a restore or a roster package. They are checked where an event
 * enters ({@link EntryCheck}), never when a log is replayed: history already written is folded
 * as it is (docs/events.md, Replaying the log).
 *
 * <p>Why these numbers: a name is what fits a screen and a certificate; a roster is far larger
 * than any pack's; a race time is far beyond any track's timeout (the firmware allows 60 s);
 * and an event fits one line of a JSON Lines export ({@link #MAX_EVENT_BYTES}), so what
 * {@code export-log} writes, {@code import-log} reads. docs/event-extensions.md lists them.
 */
public final class EventLimits {

    /** Rally, section, group and participant names. */
    public static final int MAX_NAME_CHARS = 100;
    /** A car number label such as "B100". */
    public static final int MAX_CAR_NUMBER_CHARS = 12;
    /** Rally, section, group, participant and race ids (a UUID has 36). */
    public static final int MAX_ID_CHARS = 64;
    /** An e-mail address (RFC 5321's limit). */
    public static final int MAX_EMAIL_CHARS = 254;
    /** Reasons and who did something. */
    public static final int MAX_TEXT_CHARS = 500;
    /** Participants in one roster event. */
    public static final int MAX_PARTICIPANTS = 1_000;
    /** The highest heat number. */
    public static final int MAX_HEAT = 10_000;
    /** The longest race time or race timeout, in ms (ten minutes). */
    public static final long MAX_RACE_TIME_MS = 600_000;
    /** One event as one line of UTF-8 JSON (the JSON Lines line limit). */
    public static final int MAX_EVENT_BYTES = 1 << 20;
    /** The latest timestamp: 9999-12-31T23:59:59.999Z. */
    public static final long MAX_TIMESTAMP = 253_402_300_799_999L;

    private EventLimits() {
    }

    /** Throws, naming the field, the value and the limit, when {@code event} breaks a limit. */
    public static void check(DomainEvent event) throws EventFormatException {
        new Checker(event.type()).event(event);
        if (!withinSizeByItsFields(event)) {
            int bytes = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_EVENT_BYTES) {
                throw new EventFormatException(event.type() + " is " + bytes + " bytes long; an event may be at most "
                        + MAX_EVENT_BYTES + " bytes (1 MiB)");
            }
        }
    }

    /**
     * Whether the field limits alone keep {@code event} under {@link #MAX_EVENT_BYTES}: true for every
     * known event without unknown keys (the largest, a roster of 1 000 participants with 100-character
     * names of 4-byte characters, stays under 800 kB). Only keys this version does not know, which have
     * no limits of their own, can make an event longer; then it is measured.
     */
    private static boolean withinSizeByItsFields(DomainEvent event) {
        if (event instanceof UnrecognizedEvent || !event.extras().fields().isEmpty()) {
            return false;
        }
        List<Participant> participants = event instanceof RosterLoaded r ? r.participants()
                : event instanceof RosterUpdated r ? r.participants()
                : event instanceof ParticipantAdded p ? List.of(p.participant()) : List.of();
        for (Participant p : participants) {
            if (!p.extras().fields().isEmpty()) {
                return false;
            }
        }
        List<LaneCar> lanes = event instanceof HeatStaged h ? h.lanes()
                : event instanceof ResultCorrected r ? r.correctedLanes() : List.of();
        for (LaneCar lane : lanes) {
            if (!lane.extras().fields().isEmpty()) {
                return false;
            }
        }
        if (event instanceof ResultManuallyEntered r) {
            for (Ranking ranking : r.rankings()) {
                if (!ranking.extras().fields().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Why {@code text} cannot be a name (too long, blank or with control characters), or null. */
    public static String nameProblem(String text) {
        return textProblem(text, MAX_NAME_CHARS, true);
    }

    /** Why {@code number} cannot be a car number, or null. */
    public static String carNumberProblem(String number) {
        return textProblem(number, MAX_CAR_NUMBER_CHARS, true);
    }

    /** Whether {@code c} is a control character (C0, DEL, C1) or a bidirectional override. */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String textProblem(String text, int max, boolean required) {
        if (text == null) {
            return required ? "is missing" : null;
        }
        if (required && text.isBlank()) {
            return "is blank";
        }
        int chars = text.codePointCount(0, text.length());
        if (chars > max) {
            return "is " + chars + " characters long; at most " + max + " are allowed";
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return String.format("holds the control character U+%04X at position %d; type it without", (int) text.charAt(i), i + 1);
            }
        }
        return null;
    }

    /** Walks one event's typed fields; the first broken limit is thrown. */
    private static final class Checker {
        private final String type;

        Checker(String type) {
            this.type = type;
        }

        void event(DomainEvent e) throws EventFormatException {
            if (e.timestamp() < 0 || e.timestamp() > MAX_TIMESTAMP) {
                throw new EventFormatException(type + ": \"timestamp\" " + e.timestamp()
                        + " is not a time RallyLab can record (0 to " + MAX_TIMESTAMP + " ms since 1970)");
            }
            id("rally_id", e.rallyId(), !(e instanceof UnrecognizedEvent));
            id("section_id", e.sectionId(), false);
            if (e instanceof RallyCreated r) {
                name("rally_name", r.rallyName());
                date("rally_date", r.rallyDate());
                text("created_by", r.createdBy());
            } else if (e instanceof SectionCreated s) {
                name("section_name", s.sectionName());
                text("created_by", s.createdBy());
            } else if (e instanceof SectionRenamed s) {
                name("section_name", s.sectionName());
            } else if (e instanceof RegistrarInvited r) {
                email("registrar_email", r.registrarEmail());
                text("invited_by", r.invitedBy());
            } else if (e instanceof OperatorInvited o) {
                email("operator_email", o.operatorEmail());
                text("invited_by", o.invitedBy());
            } else if (e instanceof CheckInVolunteerInvited v) {
                email("volunteer_email", v.volunteerEmail());
                text("invited_by", v.invitedBy());
            } else if (e instanceof RoleRevoked r) {
                email("email", r.email());
                text("role", r.role());
                text("revoked_by", r.revokedBy());
            } else if (e instanceof GroupCreated g) {
                id("group_id", g.groupId(), true);
                name("group_name", g.groupName());
            } else if (e instanceof RosterUpdated r) {
                id("group_id", r.groupId(), false);
                participants(r.participants());
                text("submitted_by", r.submittedBy());
            } else if (e instanceof ParticipantAdded p) {
                participant("participant", p.participant());
                text("added_by", p.addedBy());
            } else if (e instanceof ParticipantRemoved p) {
                id("participant_id", p.participantId(), true);
                carNumber("car_number", p.carNumber(), false);
                text("removed_by", p.removedBy());
            } else if (e instanceof ParticipantUpdated p) {
                id("participant_id", p.participantId(), true);
                if (p.name() != null) {
                    name("name", p.name());
                }
                if (p.group() != null) {
                    id("group_id", p.group().groupId(), false);
                }
                text("updated_by", p.updatedBy());
            } else if (e instanceof RosterLoaded r) {
                name("section_name", r.sectionName());
                participants(r.participants());
            } else if (e instanceof CarArrived c) {
                carNumber("car_number", c.carNumber(), true);
            } else if (e instanceof ArrivalCancelled c) {
                carNumber("car_number", c.carNumber(), true);
            } else if (e instanceof SectionStarted s) {
                lanes("available_lanes", s.availableLanes());
            } else if (e instanceof HeatStaged h) {
                heat("heat", h.heat());
                laneCars("lanes", h.lanes());
            } else if (e instanceof RaceCompleted r) {
                heat("heat", r.heat());
                id("race_id", r.raceId(), true);
                times("times_ms", r.timesMs(), MAX_RACE_TIME_MS);
                if (r.timesUs() != null) {
                    times("times_us", r.timesUs(), MAX_RACE_TIME_MS * 1000);
                }
                if (r.raceTimeoutMs() != null && (r.raceTimeoutMs() < 1 || r.raceTimeoutMs() > MAX_RACE_TIME_MS)) {
                    throw wrong("race_timeout_ms", r.raceTimeoutMs() + " ms is not a race timeout (1 to "
                            + MAX_RACE_TIME_MS + " ms)");
                }
            } else if (e instanceof RerunDeclared r) {
                heat("heat", r.heat());
                text("reason", r.reason());
            } else if (e instanceof ResultManuallyEntered r) {
                heat("heat", r.heat());
                size("rankings", r.rankings(), LaneAssignment.LAST_LANE);
                for (int i = 0; i < r.rankings().size(); i++) {
                    Ranking ranking = r.rankings().get(i);
                    String at = "rankings[" + i + "].";
                    if (ranking.place() < 1 || ranking.place() > LaneAssignment.LAST_LANE) {
                        throw wrong(at + "place", ranking.place() + " is not a place (1 to " + LaneAssignment.LAST_LANE + ")");
                    }
                    lane(at + "lane", ranking.lane());
                    carNumber(at + "car_number", ranking.carNumber(), true);
                }
            } else if (e instanceof CarRemoved c) {
                carNumber("car_number", c.carNumber(), true);
                heat("heat", c.heat());
                text("reason", c.reason());
            } else if (e instanceof ResultCorrected r) {
                heat("heat_number", r.heatNumber());
                laneCars("corrected_lanes", r.correctedLanes());
                text("reason", r.reason());
            } else if (e instanceof LanesChanged l) {
                lanes("available_lanes", l.availableLanes());
                text("reason", l.reason());
            } else if (e instanceof SectionCompleted s) {
                if (s.totalHeats() < 0 || s.totalHeats() > MAX_HEAT) {
                    throw wrong("total_heats", s.totalHeats() + " is not a number of heats (0 to " + MAX_HEAT + ")");
                }
            }
        }

        private void participants(List<Participant> participants) throws EventFormatException {
            size("participants", participants, MAX_PARTICIPANTS);
            for (int i = 0; i < participants.size(); i++) {
                participant("participants[" + i + "]", participants.get(i));
            }
        }

        private void participant(String at, Participant p) throws EventFormatException {
            id(at + ".participant_id", p.participantId(), true);
            name(at + ".name", p.name());
            carNumber(at + ".car_number", p.carNumber(), false);
        }

        private void laneCars(String key, List<LaneCar> lanes) throws EventFormatException {
            size(key, lanes, LaneAssignment.LAST_LANE);
            for (int i = 0; i < lanes.size(); i++) {
                LaneCar car = lanes.get(i);
                lane(key + "[" + i + "].lane", car.lane());
                carNumber(key + "[" + i + "].car_number", car.carNumber(), true);
                if (car.name() != null && !car.name().isEmpty()) {
                    name(key + "[" + i + "].name", car.name());
                }
            }
        }

        private void lanes(String key, List<Integer> lanes) throws EventFormatException {
            size(key, lanes, LaneAssignment.LAST_LANE);
            for (int i = 0; i < lanes.size(); i++) {
                lane(key + "[" + i + "]", lanes.get(i));
            }
        }

        private void times(String key, Map<Integer, Long> times, long max) throws EventFormatException {
            for (Map.Entry<Integer, Long> t : times.entrySet()) {
                lane(key + "." + t.getKey(), t.getKey());
                if (t.getValue() < 0 || t.getValue() > max) {
                    throw wrong(key + "." + t.getKey(), t.getValue() + " is beyond any race (0 to " + max
                            + (key.endsWith("_us") ? " µs)" : " ms)"));
                }
            }
        }

        private void lane(String key, int lane) throws EventFormatException {
            if (lane < 1 || lane > LaneAssignment.LAST_LANE) {
                throw wrong(key, lane + " is not a lane (1 to " + LaneAssignment.LAST_LANE + ")");
            }
        }

        private void heat(String key, int heat) throws EventFormatException {
            if (heat < 1 || heat > MAX_HEAT) {
                throw wrong(key, heat + " is not a heat number (1 to " + MAX_HEAT + ")");
            }
        }

        private void size(String key, List<?> list, int max) throws EventFormatException {
            if (list.size() > max) {
                throw wrong(key, "holds " + list.size() + " entries; at most " + max + " are allowed");
            }
        }

        private void date(String key, String date) throws EventFormatException {
            if (date == null) {
                return;
            }
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw wrong(key, "\"" + abbreviate(date) + "\" is not a date on the calendar (like 2026-02-15)");
            }
        }

        private void name(String key, String value) throws EventFormatException {
            limit(key, textProblem(value, MAX_NAME_CHARS, true));
        }

        private void id(String key, String value, boolean required) throws EventFormatException {
            limit(key, textProblem(value, MAX_ID_CHARS, required));
        }

        private void email(String key, String value) throws EventFormatException {
            limit(key, textProblem(value, MAX_EMAIL_CHARS, true));
        }

        private void carNumber(String key, String value, boolean required) throws EventFormatException {
            limit(key, textProblem(value, MAX_CAR_NUMBER_CHARS, required));
        }

        private void text(String key, String value) throws EventFormatException {
            limit(key, textProblem(value, MAX_TEXT_CHARS, false));
        }

        private void limit(String key, String problem) throws EventFormatException {
            if (problem != null) {
                throw wrong(key, problem);
            }
        }

        private EventFormatException wrong(String key, String problem) {
            return new EventFormatException(type + ": \"" + key + "\" " + problem);
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}
