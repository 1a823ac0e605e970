/**
 * Talking to the cloud copy: a Supabase project's GoTrue sign-in and
 * PostgREST {@code domain_events} table over plain HTTPS with OkHttp.
 *
 * <p>Public: {@link org.rallylab.sync.client.CloudConfig} (URL and anon key, checked),
 * {@link org.rallylab.sync.client.CloudClient} (sign-in, refresh, push, pull),
 * {@link org.rallylab.sync.client.CloudSession}, {@link org.rallylab.sync.client.EventRow},
 * {@link org.rallylab.sync.client.PulledEvent}, the sealed
 * {@link org.rallylab.sync.client.CloudException} and {@link org.rallylab.sync.client.TokenStore}.
 *
 * <p>A pushed row's {@code payload} is the rally file's stored payload plus {@code "timestamp"}
 * (the table has no column for the event's own time); a pull reads it back from there.
 * Tokens never appear in a message, a {@code toString()} or a log.
 */
package org.rallylab.sync.client;
