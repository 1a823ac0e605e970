package org.rallylab.app.ui.cloud;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import org.rallylab.sync.worker.SyncStatus;

/**
 * The top bar's cloud badge: "Cloud: synced", "Cloud: 12 waiting", "Cloud: offline, retry in 8 s",
 * "Cloud: signed out", "Cloud: error – message", "Cloud: not set up", "Cloud: this laptop only".
 * Pressing it does what helps next: settings, sign-in, put the rally in the cloud, or retry now; its arrow opens the Cloud menu. The whole message is in
 * its tooltip.
 */
public final class SyncBadge {

    static final String STYLESHEET = SyncBadge.class.getResource("cloud.css").toExternalForm();

    private final SplitMenuButton button = new SplitMenuButton();
    private final Clock clock;
    private final Timeline tick;
    private CloudSync.View shown;

    /** A badge following {@code cloud}; {@code press} runs when the operator presses it. */
    public SyncBadge(CloudSync cloud, Runnable press, Clock clock) {
        this.clock = clock;
        button.setId("cloud-badge");
        button.getStyleClass().add("cloud-badge");
        button.setTextOverrun(OverrunStyle.ELLIPSIS);
        button.setMaxWidth(380);
        button.setMinWidth(170);
        button.getStylesheets().add(STYLESHEET);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> press.run());
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> render()));
        tick.setCycleCount(Animation.INDEFINITE);
        cloud.view().addListener((o, was, now) -> show(now));
        show(cloud.view().get());
    }

    /** The badge; its arrow opens the Cloud menu (its items are filled by {@link CloudControls}). */
    public SplitMenuButton view() {
        return button;
    }

    /** The words shown now. */
    public String text() {
        return button.getText();
    }

    private void show(CloudSync.View view) {
        shown = view;
        boolean offline = view.status().filter(s -> s instanceof SyncStatus.Offline).isPresent();
        if (offline) {
            tick.play();
        } else {
            tick.stop();
        }
        render();
    }

    private void render() {
        CloudSync.View view = shown;
        String text;
        String style;
        String tip;
        if (!view.configured()) {
            text = "Cloud: not set up";
            style = "muted";
            tip = "No cloud copy: press to enter the Supabase URL and anon key.";
        } else if (view.signedInAs().isEmpty()) {
            text = "Cloud: signed out";
            style = "status-warn";
            tip = "Press to sign in; the rally is kept on this laptop meanwhile.";
        } else if (view.inCloud().equals(Optional.of(false))) {
            text = "Cloud: this laptop only";
            style = "muted";
            tip = "This rally is only on this laptop. Press to put it in the cloud: a second laptop can then restore"
                    + " it, and registrars can send their rosters.";
        } else if (view.status().isEmpty()) {
            text = "Cloud: signed in";
            style = "status-ok";
            tip = "Signed in as " + view.signedInAs().get() + ". Open a rally to copy it to the cloud.";
        } else {
            SyncStatus status = view.status().get();
            if (status instanceof SyncStatus.Waiting w) {
                text = "Cloud: " + w.count() + " waiting";
                style = "status-ok";
                tip = w.count() + " events are being copied to the cloud.";
            } else if (status instanceof SyncStatus.Offline o) {
                long seconds = Math.max(0, (Duration.between(clock.instant(), o.nextRetry()).toMillis() + 999)
                        / 1000);
                text = "Cloud: offline, retry in " + seconds + " s";
                style = "status-warn";
                tip = o.reason() + " " + o.waiting() + " events wait on this laptop; press to retry now.";
            } else if (status instanceof SyncStatus.SignedOut so) {
                text = "Cloud: signed out";
                style = "status-warn";
                tip = "Copying stopped: " + so.reason() + ". Press to sign in.";
            } else if (status instanceof SyncStatus.Error er) {
                text = "Cloud: error – " + er.reason();
                style = "status-bad";
                tip = "Copying stopped: " + er.reason() + " Nothing on this laptop was lost; press to retry.";
            } else {
                text = "Cloud: synced";
                style = "status-ok";
                tip = "Every event is in the cloud (signed in as " + view.signedInAs().get() + ").";
            }
        }
        button.setText(text);
        button.getStyleClass().removeAll("muted", "status-ok", "status-warn", "status-bad");
        button.getStyleClass().add(style);
        button.setTooltip(new Tooltip(tip));
        button.getTooltip().setWrapText(true);
        button.getTooltip().setMaxWidth(520);
    }
}
