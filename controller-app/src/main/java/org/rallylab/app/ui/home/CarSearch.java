package org.rallylab.app.ui.home;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check-in search. Case and accents do not matter ("zoe" finds Zoë, "nunez" finds Núñez).
 * The cars listed: a car number typed exactly first, then numbers that start with it, then
 * numbers that hold it ("101" finds T101), then names that hold it. An empty search lists every
 * car. Enter checks in only a car the search is sure of: the number typed exactly, or the only
 * car listed; when several are listed and none exactly, the operator picks from the list.
 */
final class CarSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** The cars listed, and the one Enter checks in (empty when the search is not sure). */
    record Result(List<CheckInRow> listed, Optional<CheckInRow> sure) {
    }

    private CarSearch() {
    }

    static Result search(List<CheckInRow> rows, String query) {
        String q = folded(query == null ? "" : query.strip());
        if (q.isEmpty()) {
            return new Result(List.copyOf(rows), Optional.empty());
        }
        List<CheckInRow> exact = new ArrayList<>();
        List<CheckInRow> prefix = new ArrayList<>();
        List<CheckInRow> inside = new ArrayList<>();
        List<CheckInRow> named = new ArrayList<>();
        for (CheckInRow row : rows) {
            String number = folded(row.carNumber());
            if (number.equals(q)) {
                exact.add(row);
            } else if (number.startsWith(q)) {
                prefix.add(row);
            } else if (number.contains(q)) {
                inside.add(row);
            } else if (folded(row.name()).contains(q)) {
                named.add(row);
            }
        }
        List<CheckInRow> all = new ArrayList<>(exact);
        all.addAll(prefix);
        all.addAll(inside);
        all.addAll(named);
        Optional<CheckInRow> sure = exact.size() == 1 ? Optional.of(exact.get(0))
                : all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        return new Result(List.copyOf(all), sure);
    }

    /** Lower case without accents: what the search compares. */
    static String folded(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
