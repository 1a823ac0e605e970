package org.rallylab.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.IntFunction;
import org.rallylab.domain.event.Participant;

/**
 * Made-up participants for demo rallies, shared by the command line's {@link DemoRally} and the
 * app's {@link DemoSetup}: a first name and an initial drawn from the caller's {@link Random}, so
 * the same seed (and the same draws before) gives the same names.
 */
final class DemoRoster {

    private static final String[] FIRST = {"Ava", "Ben", "Cleo", "Dev", "Elle", "Finn", "Gia", "Hugo", "Isla",
        "Jude", "Kai", "Lena", "Milo", "Nora", "Owen", "Pia", "Quinn", "Rosa", "Sami", "Theo", "Uma", "Vik",
        "Wren", "Xavi", "Yara", "Zane"};
    private static final String[] LAST = {"A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M."};

    private DemoRoster() {
    }

    /** One name, "Rosa G.": two draws from {@code random}. */
    static String name(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    /**
     * {@code cars} participants, numbered 1, 2, 3 … or, with a prefix, "T101", "T102" …;
     * {@code participantId} gives the id of participant {@code i} (1-based).
     */
    static List<Participant> participants(Random random, int cars, String numberPrefix,
                                                 IntFunction<String> participantId) {
        Objects.requireNonNull(random, "random");
        if (cars < 1) {
            throw new IllegalArgumentException("a demo section needs at least 1 car, not " + cars);
        }
        List<Participant> people = new ArrayList<>(cars);
        for (int i = 1; i <= cars; i++) {
            String name = name(random);
            String number = numberPrefix.isEmpty() ? String.valueOf(i) : numberPrefix + (100 + i);
            people.add(new Participant(participantId.apply(i), name, number));
        }
        return people;
    }
}
