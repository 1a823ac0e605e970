/**
 * The USB backup (docs/file-formats.md, USB backup): the whole event log of a rally file in one JSON file,
 * {@code rallylab-backup.json}, in a folder the operator chooses (a USB stick), rewritten after
 * every change; checked completely before a restore; restored into a new rally file.
 *
 * <p>Public: {@link org.rallylab.store.backup.BackupFiles} (write, read, restore),
 * {@link org.rallylab.store.backup.Backup} and {@link org.rallylab.store.backup.BackupEvent}
 * (a backup as read), {@link org.rallylab.store.backup.BackupWorker} (the background writer) and
 * {@link org.rallylab.store.backup.BackupStatus}. Everything else is package-private.
 *
 * <h2>The file (version 1)</h2>
 *
 * <pre>
 * {"format":"rallylab-backup","version":1,"rally_id":"&lt;uuid&gt;","rally_name":"Kub Kar Rally 2026",
 *  "written_at":1708012345678,"event_count":312,"sha256":"&lt;64 hex&gt;",
 *  "writer_id":48213377,"sync_targets":["supabase:https://abc.supabase.co"],
 *  "chain_head":"&lt;64 hex&gt;","header_sha256":"&lt;64 hex&gt;",
 *  "events":[{"client_event_id":1,"type":"RallyCreated","timestamp":1708012300000,
 *             "payload":{"rally_id":"&lt;uuid&gt;","rally_name":"Kub Kar Rally 2026",...}},
 *            ...,
 *            {"client_event_id":57,"type":"CarArrived","timestamp":...,"payload":{...},
 *             "source":"supabase:https://abc.supabase.co","server_id":1234}]}
 * </pre>
 *
 * <ul>
 * <li>The keys every RallyLab backup has: {@code format}, {@code version} (1), {@code rally_id},
 *     {@code rally_name} (the name the events give the rally), {@code written_at} (Unix ms),
 *     {@code event_count}, {@code sha256} and {@code events}.</li>
 * <li>{@code events}: the whole log in order. {@code client_event_id} is the event's sequence
 *     number in the rally file, 1 to {@code event_count} without gaps; {@code payload} is the
 *     payload as stored (the event's wire-format fields besides {@code type} and
 *     {@code timestamp}). An event pulled from a cloud server also has {@code source} (the
 *     server's name) and {@code server_id} (its row id there).</li>
 * <li>{@code writer_id}: the rally file's writer id, which a restored file keeps, so events
 *     pushed again get the same cloud ids and the cloud keeps one copy of each.</li>
 * <li>{@code sync_targets}: the names of the rally file's sync cursors; a restored file gets a
 *     cursor at 0 for each, so the app goes on copying to the same cloud.</li>
 * <li>{@code sha256}: the lowercase hex SHA-256 of the UTF-8 bytes of the compact JSON
 *     serialization of the {@code events} array: no whitespace, keys in file order, which is
 *     what JavaScript's {@code JSON.stringify(events)} gives (strings escaped the same way for
 *     every character but control characters other than \b \f \n \r \t, which Jackson writes as
 *     <code>&#92;u00XX</code> with upper-case hex, JavaScript with lower-case). A reader computes it from
 *     the parsed array serialized again compactly in the same key order, so the whitespace of the
 *     file does not matter to it.</li>
 * <li>{@code chain_head} (an addition of this RallyLab): the head of the rally file's hash chain
 *     ({@link org.rallylab.store.EventChain}) when the backup was written. The reader recomputes it
 *     from the events (type, timestamp, compact payload); a restored file must end in it.</li>
 * <li>{@code header_sha256} (an addition of this RallyLab): the same hash of the top-level
 *     object with {@code events} and {@code header_sha256} left out, keys in file order. It
 *     covers {@code written_at}, {@code writer_id} and {@code sync_targets}, which nothing else
 *     checks, and through {@code sha256} the events too.</li>
 * </ul>
 *
 * This RallyLab writes the file compactly (no whitespace at all), so every byte is covered by a
 * checksum, and requires every key above but {@code chain_head} (written by RallyLab since rally
 * file schema 4): a backup that lost one, or whose bytes changed, is refused. Keys it does not
 * know are ignored (they are still covered by the checksums). Writer and reader check the log the
 * same way ({@code BackupLog}: the entry check every event passes on its way into a rally file,
 * then the fold), so a backup that was written is one that restores.
 *
 * <h2>Safety</h2>
 *
 * A write goes to {@code .rallylab-backup-<random>.tmp} in the same folder, is forced to the
 * disk, renamed over {@code rallylab-backup.json} and the folder synced: a stick pulled at any
 * moment leaves the previous complete backup (or the new complete one). A restore checks
 * everything before it creates anything, and creates the rally file under a hidden name that is
 * renamed into place at the end.
 */
package org.rallylab.store.backup;
