package org.rallylab.domain.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.ScheduleMetrics;
import org.rallylab.domain.schedule.Scheduler;

/**
 * Turns a {@link PlanRecipe} and the heats staged since into the section's schedule. Pure: the
 * same recipe and stagings give the same heats. A staged heat that differs from the plan (a log
 * written by another app) becomes a fact, and everything after it is planned again from there.
 */
final class SchedulePlanner {

    private SchedulePlanner() {
    }

    static PlannedView plan(PlanRecipe recipe, List<Heat> stagings) {
        if (recipe == null) {
            return PlannedView.EMPTY;
        }
        TreeMap<Integer, Heat> facts = new TreeMap<>();
        recipe.kept().forEach(h -> facts.put(h.number(), h));
        TreeMap<Integer, Heat> view = new TreeMap<>(facts);
        ScheduleMetrics metrics = recipe.initial()
                ? first(view, recipe)
                : tail(view, recipe.keepThrough(), recipe);
        for (Heat staged : stagings) {
            facts.tailMap(staged.number(), false).clear();
            facts.put(staged.number(), staged);
            Heat expected = view.put(staged.number(), staged);
            if (expected == null || !expected.lanes().equals(staged.lanes())) {
                view = new TreeMap<>(facts.headMap(staged.number(), true));
                ScheduleMetrics replanned = tail(view, staged.number(), recipe);
                metrics = replanned != null ? replanned : metrics;
            }
        }
        return new PlannedView(view, metrics);
    }

    private static ScheduleMetrics first(TreeMap<Integer, Heat> view, PlanRecipe recipe) {
        if (recipe.cars().size() < 2 || recipe.lanes().isEmpty() || recipe.runsPerCar() < 1) {
            return null;
        }
        try {
            Schedule schedule = Scheduler.plan(recipe.cars(), recipe.lanes(), recipe.runsPerCar());
            schedule.heats().forEach(h -> view.put(h.number(), h));
            return schedule.metrics();
        } catch (IllegalArgumentException unschedulable) {
            return null; // history is never rejected: such a section simply has no planned heats
        }
    }

    /**
     * Plans the heats after {@code keepThrough}: the heats in {@code view} up to there go to the
     * scheduler renumbered 1..k, and the new heats are numbered on from {@code keepThrough}.
     */
    private static ScheduleMetrics tail(TreeMap<Integer, Heat> view, int keepThrough, PlanRecipe recipe) {
        view.tailMap(keepThrough, false).clear();
        if (recipe.cars().size() < 2 || recipe.lanes().isEmpty() || recipe.runsPerCar() < 1) {
            return null;
        }
        List<Heat> raced = new ArrayList<>(view.size());
        int eraStart = 0;
        for (Map.Entry<Integer, Heat> kept : view.entrySet()) {
            raced.add(kept.getValue().renumbered(raced.size() + 1));
            if (kept.getKey() <= recipe.eraStart()) {
                eraStart = raced.size();
            }
        }
        try {
            Schedule schedule = Scheduler.replan(raced, eraStart, recipe.cars(), recipe.lanes(), recipe.runsPerCar());
            int next = keepThrough;
            for (Heat h : schedule.heats().subList(raced.size(), schedule.heats().size())) {
                next++;
                view.put(next, h.renumbered(next));
            }
            return schedule.metrics();
        } catch (IllegalArgumentException unschedulable) {
            return null; // keep what was raced; nothing more can be planned from this log
        }
    }
}
