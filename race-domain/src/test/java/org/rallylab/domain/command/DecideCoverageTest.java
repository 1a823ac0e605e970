package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.testing.RaceDay;

/**
 * Issue 12: {@code decide} has a rule for every kind of command. Java 17 has no exhaustive
 * switch over a sealed interface, so a command added to {@link Command} without a rule would
 * show only on race day, as "no rule for ...". This walks the permitted records instead.
 */
class DecideCoverageTest {

    @Test
    void decide_everyPermittedCommand_hasARule_issue12() {
        Class<?>[] commands = Command.class.getPermittedSubclasses();
        assertThat(commands).hasSizeGreaterThan(20);
        RallyState empty = RallyState.empty();
        RallyState racing = RaceDay.withSection("kk", 4).checkInAll("kk").start("kk", 1, 2).state();
        RaceRules rules = new RaceRules();

        for (Class<?> type : commands) {
            Command command = blank(type);
            for (RallyState state : List.of(empty, racing)) {
                assertThatCode(() -> assertThat(rules.decide(state, command, 1_708_000_000_000L)).isNotNull())
                        .as("decide(%s)", type.getSimpleName()).doesNotThrowAnyException();
            }
        }
    }

    /** The command with placeholder values: "kk" for text, 1 for numbers, empty lists and maps. */
    private static Command blank(Class<?> type) {
        try {
            RecordComponent[] parts = type.getRecordComponents();
            Object[] values = Arrays.stream(parts).map(p -> placeholder(p.getType())).toArray();
            Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (Command) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getSimpleName() + " to decide", e);
        }
    }

    private static Object placeholder(Class<?> type) {
        if (type == String.class) {
            return "kk";
        } else if (type == int.class) {
            return 1;
        } else if (type == boolean.class) {
            return false;
        } else if (type == List.class) {
            return List.of();
        } else if (type == Map.class) {
            return Map.of();
        }
        return null;
    }
}
