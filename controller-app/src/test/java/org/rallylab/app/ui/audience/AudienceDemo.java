package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.List;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Finish;
import org.rallylab.app.race.AudienceMessage.Lane;
import org.rallylab.app.race.AudienceMessage.LaneSensor;
import org.rallylab.app.race.AudienceMessage.Lineup;
import org.rallylab.app.race.AudienceMessage.Standing;

/** Realistic audience messages for tests and screenshots: a Kub Kar section on a 6-lane track. */
final class AudienceDemo {

    static final String[] NAMES = {"Ava Thompson", "Liam Chen", "Noah Patel", "Olivia Martin", "Ethan Wilson",
        "Sophie Tremblay", "Lucas Roy", "Emma Gagnon", "Jack MacDonald", "Chloe Singh", "Benjamin Leblanc",
        "Maya Campbell", "Owen Fraser", "Zoe Kowalski", "Nathan Bouchard", "Isla Morrison", "Caleb Nguyen",
        "Hannah O'Brien", "Leo Dubois", "Grace Anderson", "Samuel Okafor", "Ella Bergeron", "Finn Robertson",
        "Aria Lavoie", "Wyatt Sinclair"};

    private AudienceDemo() {
    }

    static String car(int i) {
        return String.valueOf(101 + i);
    }

    static AudienceMessage.Welcome welcome() {
        return new AudienceMessage.Welcome("1st Maple Ridge Kub Kar Rally 2025");
    }

    static AudienceMessage.Staging staging() {
        List<Lane> lanes = new ArrayList<>();
        List<Lane> next = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            lanes.add(new Lane(lane, car(lane + 10), NAMES[lane + 10]));
            next.add(new Lane(lane, car(lane + 2), NAMES[lane + 2]));
        }
        List<Lane> after = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            after.add(new Lane(lane, car(lane + 16), NAMES[(lane + 16) % NAMES.length]));
        }
        return new AudienceMessage.Staging("Kub Kars", 3, 14, lanes, false, false,
                List.of(new Lineup(4, next), new Lineup(5, after)));
    }

    static AudienceMessage.Staging catchUpStaging() {
        return new AudienceMessage.Staging("Kub Kars", 9, 16, List.of(new Lane(2, "125", "Wyatt Sinclair")), true,
                false, List.of());
    }

    static AudienceMessage.Staging dnfRerunStaging() {
        return new AudienceMessage.Staging("Kub Kars", 5, 14,
                List.of(new Lane(3, "104", "Olivia Martin"), new Lane(6, "109", "Jack MacDonald")), false, true,
                List.of());
    }

    static AudienceMessage.Results results() {
        return new AudienceMessage.Results("Kub Kars", 3, List.of(
                new Finish(1, 4, car(14), NAMES[14], 2_741L, false, false),
                new Finish(2, 2, car(12), NAMES[12], 2_853L, false, false),
                new Finish(3, 6, car(16), NAMES[16], 2_907L, false, false),
                new Finish(4, 1, car(11), NAMES[11], 3_012L, false, false),
                new Finish(5, 5, car(15), NAMES[15], 3_388L, false, true),
                new Finish(6, 3, car(13), NAMES[13], null, true, false)), false);
    }

    static AudienceMessage.Results manualResults() {
        return new AudienceMessage.Results("Kub Kars", 7, List.of(
                new Finish(1, 3, car(2), NAMES[2], null, false, false),
                new Finish(2, 1, car(0), NAMES[0], null, false, false),
                new Finish(3, 6, car(5), NAMES[5], null, false, false),
                new Finish(4, 2, car(1), NAMES[1], null, false, false),
                new Finish(5, 4, car(3), NAMES[3], null, false, false),
                new Finish(6, 5, car(4), NAMES[4], null, true, false)), true);
    }

    /** 25 cars: a tie for 3rd, the last two incomplete, car 108 with a DNF, car 106 placed by hand once. */
    static List<Standing> standings(int count) {
        List<Standing> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int rank = i == 3 ? 3 : i + 1;
            long avg = i == 2 || i == 3 ? 2_790 : 2_712 + 24L * i + (i % 3) * 5;
            boolean incomplete = count > 5 && i >= count - 2;
            int dnf = i == 7 ? 1 : 0;
            int byHand = i == 5 ? 1 : 0;
            lines.add(new Standing(rank, car(i), NAMES[i % NAMES.length], dnf + byHand == 0 ? avg : null,
                    avg - 41 - (i % 4) * 9, incomplete ? 10 : 12, dnf, byHand, incomplete));
        }
        return lines;
    }

    static AudienceMessage.Leaderboard leaderboard(int count) {
        return new AudienceMessage.Leaderboard("Kub Kars", standings(count));
    }

    static AudienceMessage.SectionComplete sectionComplete(int count, int revealed, boolean earlyEnd) {
        return new AudienceMessage.SectionComplete("Kub Kars", standings(count), revealed, earlyEnd);
    }

    static AudienceMessage.TrackStatus trackStatus() {
        List<LaneSensor> sensors = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            sensors.add(new LaneSensor(lane, lane == 3));
        }
        return new AudienceMessage.TrackStatus(false, sensors, true, "Reset the start gate.");
    }

    static AudienceMessage.TrackStatus disconnected() {
        return new AudienceMessage.TrackStatus(null, List.of(), false, "The track is not connected.");
    }
}
