/**
 * The background push worker (issue 5 §3): copies a rally file's unsynced
 * events to the cloud on its own thread, with backoff, one token renewal on 401, and a
 * {@link org.rallylab.sync.worker.SyncStatus} for the operator's badge.
 *
 * <p>Public: {@link org.rallylab.sync.worker.PushWorker}, {@link org.rallylab.sync.worker.SyncStatus},
 * {@link org.rallylab.sync.worker.SessionHolder}. The backoff is package-private.
 */
package org.rallylab.sync.worker;
