/**
 * The race-day core of the desktop app, without JavaFX: one open rally, the race loop on the
 * track, and what the audience sees. A JavaFX UI sits on top of it; nothing here imports JavaFX.
 *
 * <h2>Types</h2>
 * <ul>
 *   <li>{@link org.rallylab.app.race.RallySession}: the rally file open for racing, its state and
 *       the rules. {@code execute(Command)} is the only way to change the rally.</li>
 *   <li>{@link org.rallylab.app.race.RaceLoop}: races the staged heat on the
 *       {@link org.rallylab.track.Track} and records the races; manual mode without a track.
 *       Publishes {@link org.rallylab.app.race.LoopState}.</li>
 *   <li>{@link org.rallylab.app.race.AudienceDirector}: publishes
 *       {@link org.rallylab.app.race.AudienceMessage} screens and overlays for the projector.</li>
 *   <li>{@link org.rallylab.app.race.RaceDay}: the three wired together, closed in order.</li>
 *   <li>{@link org.rallylab.app.race.StateBus}, {@link org.rallylab.app.race.Subscription},
 *       {@link org.rallylab.app.race.TaskScheduler}, {@link org.rallylab.app.race.TrackChoice}
 *       (the {@code --track} option).</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * Everything runs on one thread, the UI thread: the session refuses calls from any other thread.
 * The UI thread is an injected {@link java.util.concurrent.Executor} (the app passes
 * {@code Platform::runLater}; tests a queue they drain) and time an injected
 * {@link java.time.Clock} and {@link org.rallylab.app.race.TaskScheduler}. Track callbacks arrive
 * on the track's thread and hop to that executor first. The buses may be subscribed from anywhere;
 * each subscriber is called on the executor it gives.
 *
 * <h2>Wiring (the app)</h2>
 * <pre>{@code
 * Executor ui = Platform::runLater;
 * TaskScheduler later = TaskScheduler.using(timerThread, ui);   // a daemon ScheduledExecutorService
 * RallySession session = RallySession.open(file, Clock.systemUTC());  // RallyFileException: show its message
 * Track track = TrackChoice.parse(option, SerialTransport::listPorts)
 *         .open(() -> DemoSetup.simulatedTrack(seed, DemoSetup.APP_SPEED_FACTOR)).orElse(null);
 * RaceDay day = RaceDay.start(session, track, ui, later, AudienceDirector.Timing.DEFAULT);
 *
 * session.addListener(change -> operatorModel.refresh(change.state()));      // every accepted command
 * day.loop().state().subscribe(ui, loop -> trackPane.show(loop));          // status line, held race, track
 * day.audience().screens().subscribe(ui, audienceWindow::show);           // last screen
 * day.audience().overlay().subscribe(ui, audienceWindow::showOverlay);    // last overlay
 * ...
 * day.close();                                                           // on exit
 * }</pre>
 *
 * <h2>Operator actions (docs/race-rules.md)</h2>
 * {@code s} is the section's id; every call answers a {@code Decision}: show its message unless
 * it is {@code Accepted}.
 * <ul>
 *   <li>Check-in: {@code session.execute(new MarkArrived(s, car))}; late arrivals the same way.</li>
 *   <li>Start section: {@code execute(new StartSection(s, lanes))}; change lanes:
 *       {@code execute(new ChangeLanes(s, lanes, reason))} (any time; the staged heat is re-staged).</li>
 *   <li>Staging: wait for the track (nothing to call); manual rank:
 *       {@code loop.rankByHand(placeByLane)}; remove a car: {@code execute(new RemoveCar(s, car,
 *       "destroyed"))}; dry run: {@code loop.dryRun()}; manual mode: {@code loop.setManualMode(true)},
 *       then {@code loop.enterTimes(msByLane)} or {@code loop.rankByHand(...)}.</li>
 *   <li>Impossible time (LoopState phase HELD): {@code loop.acceptHeld()} or {@code loop.rerunHeld()}.</li>
 *   <li>The track controller restarted after the gate opened (notice "… run heat N again"): nothing
 *       to call; the heat stays staged without a result and the track is asked for it again: run
 *       it again (or rank it by hand).</li>
 *   <li>Results: next heat: {@code loop.nextHeat()} (the gate closing does it too); re-run:
 *       {@code execute(new DeclareRerun(s, heat, reason))}; re-run DNF lanes:
 *       {@code execute(new RerunDnfLanes(s, heat))}; correct lanes:
 *       {@code execute(new CorrectLanes(s, heat, carByLane, reason))}; manual rank:
 *       {@code loop.rankByHand(...)}; replay last results: {@code audience.replayLastResults()};
 *       end section early: {@code execute(new EndSectionEarly(s))}.</li>
 *   <li>Section complete: {@code audience.revealNextPlace()}, {@code audience.revealAll()}; next
 *       section: {@code audience.showWelcome()}, then check-in.</li>
 *   <li>Event inspector: {@code session.events()} (with sequence numbers) and
 *       {@code session.stateAt(sequence)}.</li>
 * </ul>
 */
package org.rallylab.app.race;
