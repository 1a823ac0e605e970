package org.rallylab.domain.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rallylab.domain.event.Participant;

/**
 * The pre-race roster of one section and its car numbers (docs/race-rules.md, Car numbers):
 * <ul>
 *   <li>an explicit label that collides with nothing is kept verbatim ("B100");</li>
 *   <li>explicit labels are reserved before auto-assignment runs;</li>
 *   <li>everyone else gets the lowest unused decimal string ("1", "2", ...), filling gaps left
 *       by other groups, never a retired number;</li>
 *   <li>a removed participant's number is retired; adding a participant renumbers nobody.</li>
 * </ul>
 * Mutated only by the fold; read through {@link #participants()}.
 */
public final class SectionRoster {

    private final LinkedHashMap<String, RegisteredParticipant> byId = new LinkedHashMap<>();
    private final LinkedHashSet<String> retired = new LinkedHashSet<>();

    public SectionRoster() {
    }

    private SectionRoster(SectionRoster other) {
        byId.putAll(other.byId);
        retired.addAll(other.retired);
    }

    public SectionRoster copy() {
        return new SectionRoster(this);
    }

    public List<RegisteredParticipant> participants() {
        return List.copyOf(byId.values());
    }

    public Set<String> retiredNumbers() {
        return Set.copyOf(retired);
    }

    /**
     * Replaces the whole roster ({@code groupId} null) or only the members of {@code groupId};
     * members of other groups keep their numbers.
     */
    public void replace(String groupId, List<Participant> newcomers) {
        Set<String> incomingIds = new HashSet<>();
        newcomers.forEach(p -> incomingIds.add(p.participantId()));
        LinkedHashMap<String, RegisteredParticipant> kept = new LinkedHashMap<>();
        if (groupId != null) {
            byId.values().stream()
                    .filter(p -> !Objects.equals(p.groupId(), groupId) && !incomingIds.contains(p.participantId()))
                    .forEach(p -> kept.put(p.participantId(), p));
        }
        Set<String> taken = new HashSet<>(retired);
        kept.values().forEach(p -> taken.add(p.carNumber()));
        List<String> numbers = assign(newcomers, taken);
        byId.clear();
        byId.putAll(kept);
        for (int i = 0; i < newcomers.size(); i++) {
            Participant p = newcomers.get(i);
            byId.put(p.participantId(), new RegisteredParticipant(p.participantId(), p.name(), numbers.get(i), groupId));
        }
    }

    /** One more participant; nobody else is renumbered. */
    public void add(Participant participant, String groupId) {
        Set<String> taken = new HashSet<>(retired);
        byId.values().stream()
                .filter(p -> !p.participantId().equals(participant.participantId()))
                .forEach(p -> taken.add(p.carNumber()));
        String number = assign(List.of(participant), taken).get(0);
        byId.put(participant.participantId(),
                new RegisteredParticipant(participant.participantId(), participant.name(), number, groupId));
    }

    /** Removes a participant and retires their number (also {@code carNumber} when the event names one). */
    public void remove(String participantId, String carNumber) {
        RegisteredParticipant gone = byId.remove(participantId);
        if (gone != null) {
            retired.add(gone.carNumber());
        }
        if (carNumber != null) {
            retired.add(carNumber);
        }
    }

    /** Fixes a name ({@code name} null = unchanged) or group ({@code groupChange} false = unchanged). */
    public void update(String participantId, String name, boolean groupChange, String groupId) {
        RegisteredParticipant p = byId.get(participantId);
        if (p == null) {
            return;
        }
        byId.put(participantId, new RegisteredParticipant(participantId, name == null ? p.name() : name,
                p.carNumber(), groupChange ? groupId : p.groupId()));
    }

    /**
     * The car numbers an import gives its rows, in order: a row's own number ({@code given}, kept
     * as written), else the numbers after the highest decimal number the section has used (on the
     * roster, retired, or given in the import), so a pack numbered 101 to 140 goes on with 141, 142
     * … rather than 1, 2, 3 among them. Null in {@code given} means "no number".
     */
    public List<String> importNumbers(List<String> given) {
        List<String> explicit = given.stream().filter(Objects::nonNull).toList();
        long blanks = given.size() - explicit.size();
        java.util.Iterator<String> fresh = numbersAfterTheHighest((int) blanks, explicit).iterator();
        List<String> numbers = new ArrayList<>(given.size());
        for (String number : given) {
            numbers.add(number != null ? number : fresh.next());
        }
        return numbers;
    }

    private List<String> numbersAfterTheHighest(int count, Collection<String> alsoTaken) {
        long highest = 0;
        List<String> used = new ArrayList<>(retired);
        byId.values().forEach(p -> used.add(p.carNumber()));
        used.addAll(alsoTaken);
        for (String number : used) {
            if (number != null && !number.isEmpty() && number.length() <= 9 && number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                highest = Math.max(highest, Long.parseLong(number));
            }
        }
        List<String> numbers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            numbers.add(String.valueOf(highest + i));
        }
        return numbers;
    }

    /** Numbers for {@code people} in order: explicit labels first, then the lowest unused decimals. */
    static List<String> assign(List<Participant> people, Collection<String> taken) {
        Set<String> used = new HashSet<>(taken);
        List<String> numbers = new ArrayList<>(people.size());
        for (Participant p : people) {
            String label = p.carNumber();
            if (label != null && used.add(label)) {
                numbers.add(label);
            } else {
                numbers.add(null);
            }
        }
        int next = 1;
        for (int i = 0; i < numbers.size(); i++) {
            if (numbers.get(i) == null) {
                while (used.contains(String.valueOf(next))) {
                    next++;
                }
                String number = String.valueOf(next);
                used.add(number);
                numbers.set(i, number);
            }
        }
        return numbers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SectionRoster other && byId.equals(other.byId)
                && List.copyOf(retired).equals(List.copyOf(other.retired))
                && List.copyOf(byId.keySet()).equals(List.copyOf(other.byId.keySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId, retired);
    }

}
