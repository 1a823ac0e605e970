package org.rallylab.app.ui.console;

import java.util.List;
import java.util.Locale;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.scoring.Ordinal;
import org.rallylab.domain.state.SectionState;

/** How the console writes times, ranks and heats for the operator. */
final class ConsoleText {

    private ConsoleText() {
    }

    /** 2345 ms as "2.345 s". */
    static String seconds(long ms) {
        return ImpossibleTimes.seconds(ms);
    }

    /** An average in ms (may have a fraction) as "2.345 s"; "–" when there is none. */
    static String seconds(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
    }

    /** A difference in ms as "+0.012 s" or "−0.034 s". */
    static String difference(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        String text = String.format(Locale.ROOT, "%.3f s", Math.abs(ms) / 1000.0);
        return (ms < 0 ? "−" : "+") + text;
    }

    /** A rank, "T2" when another line shares it. */
    static String rank(int rank, List<Integer> allRanks) {
        long same = allRanks.stream().filter(r -> r == rank).count();
        return (same > 1 ? "T" : "") + rank;
    }

    /** "Kub Kars – Heat 3 of 14", with a catch-up heat or a DNF re-run marked. */
    static String heatTitle(SectionState s, int heat, boolean dnfRerun, boolean rerun) {
        if (heat <= 0) {
            return s.sectionName();
        }
        StringBuilder text = new StringBuilder(s.sectionName()).append(" – Heat ").append(heat).append(" of ")
                .append(s.heatCount());
        if (s.heat(heat).map(Heat::catchUp).orElse(false)) {
            text.append(" (catch-up heat)");
        }
        if (dnfRerun) {
            text.append(" (re-run of the DNF lanes)");
        } else if (rerun) {
            text.append(" (re-run)");
        }
        return text.toString();
    }

    /** The cars of a heat, in lane order: "12, 5, 8". */
    static String cars(Heat heat) {
        return String.join(", ", heat.cars());
    }
}
