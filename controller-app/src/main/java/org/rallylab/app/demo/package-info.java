/**
 * Demo rallies. {@link org.rallylab.app.demo.DemoRally}: the command line's {@code rallylab demo}
 * (every section raced at once, no track). {@link org.rallylab.app.demo.DemoSetup}: the app's demo,
 * a rally file ready for race day and a simulated 6-lane track whose gate the operator drops from the
 * track card, as on race day; {@link org.rallylab.app.demo.Autopilot} races it unattended through the
 * same session and race loop as an operator, with the track's simulated crew working the gate. Both
 * draw their names from one generator.
 */
package org.rallylab.app.demo;
