package org.rallylab.app.ui.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The check-in search: a car number typed exactly comes first, then numbers starting with what was
 * typed, then names containing it; case does not matter. An empty search matches every car.
 */
final class CarSearch {

    private CarSearch() {
    }

    static List<CheckInRow> matches(List<CheckInRow> rows, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.copyOf(rows);
        }
        List<CheckInRow> exact = new ArrayList<>();
        List<CheckInRow> prefix = new ArrayList<>();
        List<CheckInRow> named = new ArrayList<>();
        for (CheckInRow row : rows) {
            String number = row.carNumber().toLowerCase(Locale.ROOT);
            if (number.equals(q)) {
                exact.add(row);
            } else if (number.startsWith(q)) {
                prefix.add(row);
            } else if (row.name().toLowerCase(Locale.ROOT).contains(q)) {
                named.add(row);
            }
        }
        List<CheckInRow> all = new ArrayList<>(exact);
        all.addAll(prefix);
        all.addAll(named);
        return all;
    }
}
