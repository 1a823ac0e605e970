package org.rallylab.app.ui.cloud;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.rallylab.sync.client.CloudRally;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.restore.ServerRestore;
import org.rallylab.sync.worker.PushWorker;

/**
 * Restore from the cloud: the rallies the signed-in user has a role in (read on the cloud thread
 * when the dialog opens), one chosen, and a new file name in the RallyLab folder; then every event
 * is pulled into that new file on the cloud thread, and marked as already in the cloud (its sync
 * cursor is at the end). An existing file is never overwritten.
 */
public final class RestoreFromCloudDialog {

    private RestoreFromCloudDialog() {
    }

    /** Asks and restores; what was restored, or empty when cancelled. */
    public static Optional<ServerRestore.Summary> ask(Window owner, CloudSync cloud, Path folder) {
        CloudDialog dialog = new CloudDialog(owner, "Restore from the cloud", "Restore a rally from the cloud");
        ComboBox<CloudRally> rallyId = new ComboBox<>();
        rallyId.setId("restore-rally");
        rallyId.setPromptText("Reading your rallies…");
        rallyId.setMaxWidth(Double.MAX_VALUE);
        rallyId.setConverter(new StringConverter<>() {
            @Override
            public String toString(CloudRally r) {
                return r == null ? "" : r.rallyName() + (r.rallyDate() == null ? "" : " (" + r.rallyDate() + ")");
            }

            @Override
            public CloudRally fromString(String text) {
                return rallyId.getValue();
            }
        });
        TextField name = new TextField(freeName(folder));
        name.setId("restore-file");
        Button restore = Ui.button("Restore", "restore-go", () -> { });
        restore.getStyleClass().add("primary");
        ServerRestore.Summary[] answer = {null};
        Runnable go = () -> {
            CloudRally chosen = rallyId.getValue();
            if (chosen == null) {
                dialog.problem(rallyId.getItems().isEmpty()
                        ? "There is no rally to restore: your account has no role in a rally in the cloud. Ask the"
                                + " rally's organizer to invite you (Rally setup → People…)."
                        : "Choose the rally to restore.");
                rallyId.requestFocus();
                return;
            }
            String id = chosen.rallyId();
            Path target;
            try {
                target = target(folder, name.getText());
            } catch (IllegalArgumentException e) {
                dialog.problem(e.getMessage());
                name.requestFocus();
                return;
            }
            dialog.busy("Reading " + chosen.rallyName() + " from the cloud into " + target.getFileName() + "…");
            restore.setDisable(true);
            cloud.call((client, session) -> {
                Files.createDirectories(folder);
                ServerRestore.Summary restored = ServerRestore.restore(client, session.orElseThrow(() ->
                        new IllegalStateException("Sign in first (Cloud → Sign in…).")), id, target);
                // every restored event came from this project: nothing to push back
                try (RallyFile file = RallyFile.openForWriting(target)) {
                    file.sync().acknowledge(PushWorker.TARGET_PREFIX + client.config().url(), file.lastSequence());
                }
                return restored;
            })
                    .whenComplete((summary, failure) -> Platform.runLater(() -> {
                        restore.setDisable(false);
                        if (failure != null) {
                            dialog.problem(CloudDialog.messageOf(failure));
                            return;
                        }
                        answer[0] = summary;
                        dialog.stage.close();
                    }));
        };
        restore.setOnAction(e -> go.run());
        rallyId.setOnAction(e -> name.requestFocus());
        name.setOnAction(e -> go.run());
        javafx.scene.control.Label about = Ui.label("Every event of the rally is copied from the cloud into a new"
                + " rally file on this laptop; racing continues where the cloud copy stops.", "muted");
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.add(about,
                        CloudDialog.field("_Rally", rallyId, "The rallies your account has a role in."),
                        CloudDialog.field("New _file name", name, "Saved in " + folder + "; an existing file is"
                                + " never replaced."))
                .buttons(restore);
        Platform.runLater(rallyId::requestFocus);
        dialog.clearProblemOn(rallyId.valueProperty(), name.textProperty());
        cloud.call((client, session) -> client.rallies(session.orElseThrow(() ->
                new IllegalStateException("Sign in first (Cloud → Sign in…)."))))
                .whenComplete((rallies, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        rallyId.setPromptText("Could not read your rallies");
                        dialog.problem(CloudDialog.messageOf(failure));
                        return;
                    }
                    rallyId.getItems().setAll(rallies);
                    rallyId.setPromptText(rallies.isEmpty() ? "No rally in the cloud for your account"
                            : "Choose a rally");
                    if (rallies.size() == 1) {
                        rallyId.setValue(rallies.get(0));
                    }
                }));
        dialog.showAndWait();
        return Optional.ofNullable(answer[0]);
    }

    private static Path target(Path folder, String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("Type a file name for the restored rally, such as"
                    + " restored-rally" + RallyFile.EXTENSION + " (no folders).");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(RallyFile.EXTENSION)) {
            name = name + RallyFile.EXTENSION;
        }
        Path file;
        try {
            file = folder.resolve(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + name + "\" cannot be a file name: use letters, digits and -.");
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file.getFileName() + " already exists in " + folder
                    + ": choose another name (nothing is ever overwritten).");
        }
        return file;
    }

    private static String freeName(Path folder) {
        String name = "restored-rally" + RallyFile.EXTENSION;
        for (int n = 2; Files.exists(folder.resolve(name)); n++) {
            name = "restored-rally-" + n + RallyFile.EXTENSION;
        }
        return name;
    }
}
