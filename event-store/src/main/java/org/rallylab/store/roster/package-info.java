/**
 * The roster package (version 2, docs/file-formats.md): the JSON file an organizer exports before race day
 * and the race-day laptop imports (one RosterLoaded per section). It moves between this app and
 * the browser RallyLab, so reading is lenient where docs/events.md asks and strict on ids, names, car
 * numbers and groups.
 *
 * <pre>
 * {"version": 2, "rally_id": "&lt;uuid&gt;", "rally_name": "...", "rally_date": "2026-02-15" | null,
 *  "exported_at": "2026-11-22T10:15:30Z",
 *  "groups": [{"group_id": "&lt;uuid&gt;", "group_name": "..."}],
 *  "sections": [{"section_id": "&lt;uuid&gt;", "section_name": "...",
 *                "participants": [{"participant_id": "&lt;uuid&gt;", "name": "...", "car_number": "12",
 *                                  "group_id": "&lt;uuid&gt;" | null}]}]}
 * </pre>
 *
 * <p>Public: {@link org.rallylab.store.roster.RosterPackage} (the value, and
 * {@code of(RallyState, Instant)} to export a rally) and
 * {@link org.rallylab.store.roster.RosterPackageJson} (text and files). Everything else is
 * package-private.
 */
package org.rallylab.store.roster;
