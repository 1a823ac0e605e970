package org.rallylab.app.ui.cloud;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;
import org.rallylab.store.RallyFileException;
import org.rallylab.sync.restore.ServerRestore;
import org.rallylab.sync.worker.SyncStatus;

/**
 * What the operator does with the cloud: settings, sign in, sign out, retry now, restore; the top
 * bar's badge, whose arrow opens the Cloud menu (Settings…, Sign in…, Sign out, Retry now). Outcomes and problems go to the notice bar. JavaFX thread only.
 */
public final class CloudControls {

    private final CloudSync cloud;
    private final Window owner;
    private final Consumer<String> notice;
    private final SyncBadge badge;

    public CloudControls(CloudSync cloud, Window owner, Consumer<String> notice) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.badge = new SyncBadge(cloud, this::badgePressed, Clock.systemUTC());
        badge.view().setOnShowing(e -> fillMenu());
        fillMenu();
        cloud.view().addListener((o, was, now) -> tellWhatChanged(was, now));
        cloud.onArrivals(change -> notice.accept(arrived(change)));
    }

    public SyncBadge badge() {
        return badge;
    }

    public CloudSync cloud() {
        return cloud;
    }

    /** Cloud → Settings…: saves the URL and key. */
    public void settings() {
        CloudSettingsDialog.ask(owner, cloud.config()).ifPresent(config -> {
            try {
                cloud.configure(config);
                notice.accept("Cloud settings saved: " + config.url() + (cloud.session().isEmpty()
                        ? ". Sign in (Cloud → Sign in…) to copy rallies there." : "."));
            } catch (IOException e) {
                notice.accept("The cloud settings could not be saved: " + e.getMessage());
            }
        });
    }

    /** Cloud → Sign in…; asks for the settings first when there are none. Whether it signed in. */
    public boolean signIn() {
        if (cloud.config().isEmpty()) {
            settings();
            if (cloud.config().isEmpty()) {
                return false;
            }
        }
        String email = cloud.session().map(s -> s.email()).orElse("");
        return SignInDialog.ask(owner, cloud, email).map(session -> {
            try {
                cloud.signedIn(session);
                notice.accept("Signed in to the cloud as " + session.email() + ".");
                return true;
            } catch (IOException e) {
                notice.accept("Signed in, but the sign-in could not be saved on this laptop: " + e.getMessage());
                return false;
            }
        }).orElse(false);
    }

    /** Cloud → Sign out. */
    public void signOut() {
        try {
            cloud.signOut();
            notice.accept("Signed out of the cloud. The rally is still saved on this laptop; sign in again to"
                    + " copy it.");
        } catch (IOException e) {
            notice.accept("The saved sign-in could not be deleted: " + e.getMessage());
        }
    }

    /** Cloud → Put this rally in the cloud (and the badge while the rally is on this laptop only). */
    public void putInCloud() {
        if (cloud.session().isEmpty() && !signIn()) {
            return;
        }
        try {
            cloud.putInCloud();
            notice.accept("This rally is being copied to the cloud. Invite registrars, operators and check-in"
                    + " volunteers in Rally setup → People…; they sign in and restore it from the cloud.");
        } catch (RallyFileException | IllegalStateException e) {
            notice.accept("The rally could not be put in the cloud: " + e.getMessage());
        }
    }

    /** Cloud → Check for changes now: what registrars and volunteers sent since the last look. */
    public void pullNow() {
        cloud.pullNow();
        notice.accept("Looking for changes from other laptops…");
    }

    /** Cloud → Retry now (and the badge). */
    public void retryNow() {
        cloud.retryNow();
    }

    /**
     * Restore from the cloud into a new file in {@code folder}; signs in first when needed. The
     * restored file, or empty when cancelled.
     */
    public Optional<ServerRestore.Summary> restore(Path folder) {
        if (cloud.session().isEmpty() && !signIn()) {
            return Optional.empty();
        }
        return RestoreFromCloudDialog.ask(owner, cloud, folder);
    }

    /** Puts the open rally's id on the clipboard and shows it, for "Restore from the cloud…" elsewhere. */
    public void copyRallyId() {
        cloud.rallyId().ifPresent(id -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(id);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            notice.accept("This rally's id is " + id + " (copied). On another laptop: Restore from the cloud…,"
                    + " then paste it.");
        });
    }

    private void badgePressed() {
        CloudSync.View view = cloud.view().get();
        if (!view.configured()) {
            settings();
        } else if (view.signedInAs().isEmpty()) {
            signIn();
        } else if (view.inCloud().equals(Optional.of(false))) {
            putInCloud();
        } else {
            retryNow();
        }
    }

    private void fillMenu() {
        boolean configured = cloud.config().isPresent();
        boolean signedIn = cloud.session().isPresent();
        MenuItem settings = Ui.menuItem("Settings…", "cloud-menu-settings", this::settings);
        MenuItem signIn = Ui.menuItem(signedIn ? "Sign in as someone else…" : "Sign in…", "cloud-menu-sign-in",
                this::signIn);
        MenuItem signOut = Ui.menuItem("Sign out", "cloud-menu-sign-out", this::signOut);
        MenuItem retry = Ui.menuItem("Retry now", "cloud-menu-retry", this::retryNow);
        boolean inCloud = cloud.inCloud();
        MenuItem put = Ui.menuItem("Put this rally in the cloud", "cloud-menu-put", this::putInCloud);
        MenuItem pull = Ui.menuItem("Check for changes from other laptops", "cloud-menu-pull", this::pullNow);
        signIn.setDisable(!configured);
        signOut.setDisable(!signedIn);
        retry.setDisable(!configured || !signedIn || !inCloud);
        put.setDisable(!configured || cloud.view().get().inCloud().isEmpty() || inCloud);
        pull.setDisable(!signedIn || !inCloud);
        MenuItem copyId = Ui.menuItem("Copy this rally's id (for restoring)", "cloud-menu-copy-id", this::copyRallyId);
        copyId.setDisable(cloud.rallyId().isEmpty());
        badge.view().getItems().setAll(settings, new SeparatorMenuItem(), signIn, signOut, new SeparatorMenuItem(),
                put, pull, retry, new SeparatorMenuItem(), copyId);
    }

    /** A copy that stopped, or a role that limits this laptop, goes to the notice bar as well as the badge. */
    private void tellWhatChanged(CloudSync.View was, CloudSync.View now) {
        Optional<SyncStatus> stopped = now.status().filter(s -> s instanceof SyncStatus.Error
                || s instanceof SyncStatus.SignedOut);
        if (stopped.isPresent() && !stopped.equals(was.status())) {
            SyncStatus s = stopped.get();
            String why = s instanceof SyncStatus.Error e ? e.reason() : ((SyncStatus.SignedOut) s).reason();
            notice.accept("The cloud copy stopped: " + why + " Nothing on this laptop was lost; racing goes on."
                    + (s instanceof SyncStatus.Error ? " Cloud → Retry now when it is fixed." : " Sign in again."));
        }
        if (!now.access().equals(was.access()) && !now.access().wholeRally()) {
            notice.accept("Signed in as " + now.access().email() + ": you are the "
                    + now.access().describe(cloudState()) + ". This laptop shows what that role may change.");
        }
    }

    private org.rallylab.domain.state.RallyState cloudState() {
        return cloud.rallyState().orElseGet(org.rallylab.domain.state.RallyState::empty);
    }

    private static String arrived(org.rallylab.app.race.SessionChange change) {
        int n = change.events().size();
        java.util.Map<String, Long> byType = new java.util.TreeMap<>();
        change.events().forEach(e -> byType.merge(e.type(), 1L, Long::sum));
        StringBuilder kinds = new StringBuilder();
        byType.forEach((type, count) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(count).append(' ')
                .append(type));
        return n + (n == 1 ? " change" : " changes") + " arrived from other laptops (" + kinds + ").";
    }

}
