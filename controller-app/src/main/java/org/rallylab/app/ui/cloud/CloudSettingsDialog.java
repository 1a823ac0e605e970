package org.rallylab.app.ui.cloud;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;
import org.rallylab.sync.client.CloudConfig;

/**
 * Where the cloud copy goes: the Supabase project's URL and anon key, as the organizer copies them
 * from the dashboard (Settings → API). Checked with {@link CloudConfig}'s messages before saving.
 */
public final class CloudSettingsDialog {

    private CloudSettingsDialog() {
    }

    /** Asks for the URL and key ({@code current} filled in); the checked settings, or empty on Cancel. */
    public static Optional<CloudConfig> ask(Window owner, Optional<CloudConfig> current) {
        CloudDialog dialog = new CloudDialog(owner, "Cloud settings", "Copy the rally to the cloud");
        TextField url = new TextField(current.map(CloudConfig::url).orElse(""));
        url.setId("cloud-url");
        url.setPromptText("https://abcdefgh.supabase.co");
        TextField key = new TextField(current.map(CloudConfig::anonKey).orElse(""));
        key.setId("cloud-anon-key");
        key.setPromptText("the \"anon public\" key");
        CloudConfig[] answer = {null};
        Runnable save = () -> {
            try {
                answer[0] = new CloudConfig(url.getText(), key.getText());
                dialog.stage.close();
            } catch (IllegalArgumentException e) {
                dialog.problem(e.getMessage());
            }
        };
        url.setOnAction(e -> key.requestFocus());
        key.setOnAction(e -> save.run());
        Button ok = Ui.button("Save", "cloud-save", save);
        ok.getStyleClass().add("primary");
        ok.setDefaultButton(false);
        dialog.add(CloudDialog.field("Project _URL", url, "From the Supabase dashboard, Settings → API."),
                        CloudDialog.field("_Anon key", key, "The \"anon public\" key from the same page. It is not"
                                + " a secret; your sign-in is kept separately, readable only by you."))
                .buttons(ok);
        Platform.runLater(url::requestFocus);
        dialog.clearProblemOn(url.textProperty(), key.textProperty());
        dialog.showAndWait();
        return Optional.ofNullable(answer[0]);
    }
}
