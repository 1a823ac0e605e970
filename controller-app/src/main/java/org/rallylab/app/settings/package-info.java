/** The app's own settings, kept beside the rally files: {@link org.rallylab.app.settings.RecentRallies}. */
package org.rallylab.app.settings;
