package org.rallylab.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.Schedule;
import org.rallylab.domain.schedule.ScheduleJson;
import org.rallylab.domain.schedule.ScheduleMetrics;
import org.rallylab.domain.schedule.Scheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "schedule", sortOptions = false,
        description = "Print a fair heat schedule for a number of cars on a set of lanes: every car races once "
                + "in every lane, and pairs of cars meet as rarely as possible.")
final class ScheduleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cars", paramLabel = "N", description = "How many cars race (numbered 1..N unless --car-numbers).")
    private Integer cars;

    @Option(names = "--lanes", required = true, split = ",", paramLabel = "LANES",
            description = "The lanes to race on, e.g. 1,2,3,4,5,6 or 1,3,5.")
    private List<Integer> lanes;

    @Option(names = "--car-numbers", split = ",", paramLabel = "NUMBERS",
            description = "The cars' numbers, e.g. 7,12,B100 (instead of 1..N).")
    private List<String> carNumbers;

    @Option(names = "--runs-per-car", paramLabel = "R",
            description = "Runs per car (default: one run in each lane).")
    private Integer runsPerCar;

    @Option(names = "--json", description = "Print the schedule and its fairness figures as JSON "
            + "(described in docs/file-formats.md, Schedule JSON).")
    private boolean json;

    @Override
    public Integer call() {
        List<String> numbers = carNumbers();
        int runs = runsPerCar == null ? lanes.size() : runsPerCar;
        Schedule schedule;
        try {
            schedule = Scheduler.plan(numbers, lanes, runs);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ScheduleJson.write(schedule) + System.lineSeparator() : text(schedule));
        out.flush();
        return ExitCode.OK;
    }

    private List<String> carNumbers() {
        if (carNumbers != null) {
            if (cars != null && cars != carNumbers.size()) {
                throw new ParameterException(spec.commandLine(), "--cars " + cars + " does not match the "
                        + carNumbers.size() + " numbers given with --car-numbers; give one or the other.");
            }
            return carNumbers.stream().map(String::strip).toList();
        }
        if (cars == null) {
            throw new ParameterException(spec.commandLine(), "Say how many cars race: --cars N (or --car-numbers).");
        }
        if (cars < 0 || cars > 10_000) {
            throw new ParameterException(spec.commandLine(), "--cars " + cars + " is not a number of cars.");
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            numbers.add(String.valueOf(i));
        }
        return numbers;
    }

    static String text(Schedule schedule) {
        ScheduleMetrics m = schedule.metrics();
        List<String> headers = new ArrayList<>(List.of("Heat"));
        m.lanes().forEach(lane -> headers.add("Lane " + lane));
        headers.add("");
        TextTable table = new TextTable(headers.toArray(String[]::new)).alignRight(0);
        for (Heat heat : schedule.heats()) {
            List<Object> row = new ArrayList<>(List.of(heat.number()));
            m.lanes().forEach(lane -> row.add(heat.carIn(lane).orElse("-")));
            row.add(heat.catchUp() ? "(catch-up)" : "");
            table.row(row.toArray());
        }
        String nl = System.lineSeparator();
        return m.cars() + " cars on lanes " + String.join(", ", m.lanes().stream().map(String::valueOf).toList())
                + ": " + m.heats() + " heats, " + m.runsPerCar() + " runs per car" + nl + nl
                + table.render() + nl
                + "lane balance spread " + m.laneBalanceMaxSpread()
                + " · most meetings of one pair " + m.maxPairMeetings()
                + " · a car's runs at least " + m.minGapBetweenRuns() + " heats apart"
                + " · " + m.algorithm() + nl;
    }
}
