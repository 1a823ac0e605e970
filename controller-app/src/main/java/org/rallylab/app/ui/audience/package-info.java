/**
 * The audience window: what the projector shows on race day. {@link org.rallylab.app.ui.audience.AudienceWindow}
 * renders the last {@link org.rallylab.app.race.AudienceMessage} of the audience director's buses in
 * large, high-contrast type that scales with the window's height.
 */
package org.rallylab.app.ui.audience;
