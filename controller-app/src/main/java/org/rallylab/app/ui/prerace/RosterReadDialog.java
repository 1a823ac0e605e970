package org.rallylab.app.ui.prerace;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.rallylab.app.prerace.ReadProgress;
import org.rallylab.app.prerace.RosterFile;
import org.rallylab.app.prerace.RosterFileException;
import org.rallylab.app.prerace.RosterRow;
import org.rallylab.app.ui.Ui;

/**
 * Reads a roster file off the JavaFX thread, so the window keeps answering however large, slow
 * or hostile the file is. While it reads, a small window over the operator window shows how far
 * it has come (rows read, bytes of the file) and a Cancel button that stops the read at once:
 * the reading thread hears it at its next row, and the file is closed so that a read waiting for
 * a slow USB stick ends too. When the read ends, the window closes and exactly one of the
 * {@link Outcome}'s methods runs, on the JavaFX thread.
 */
final class RosterReadDialog {

    /** How a read ended. */
    interface Outcome {
        /** The file was read: its participant rows. */
        void read(List<RosterRow> rows);

        /** The file cannot be imported: why, and what to do (for the person importing, as it is). */
        void refused(String message);

        /** The person importing pressed Cancel (or closed the window). */
        void cancelled();
    }

    private RosterReadDialog() {
    }

    /** Starts reading {@code file} and shows the window, owned by {@code owner}; returns at once. */
    static void start(Window owner, Path file, Outcome outcome) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        AtomicReference<Closeable> open = new AtomicReference<>();
        Task<List<RosterRow>> read = new Task<>() {
            @Override
            protected List<RosterRow> call() throws RosterFileException {
                return RosterFile.read(file, new ReadProgress() {
                    @Override
                    public void update(int rows, long bytes, long totalBytes) {
                        updateMessage(progress(rows, bytes, totalBytes));
                        if (totalBytes > 0) {
                            updateProgress(Math.min(bytes, totalBytes), totalBytes);
                        } else {
                            updateProgress(-1, 1);
                        }
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }

                    @Override
                    public void opened(Closeable source) {
                        open.set(source);
                        if (isCancelled()) {
                            closeAside(source);
                        }
                    }
                });
            }
        };

        Dialog<ButtonType> dialog = window(owner, name, read);

        // The task tells its end before its thread is quite done, so "ended" (not the task) says when closing
        // the window is no longer a cancel: one outcome, always.
        boolean[] ended = {false};
        dialog.setOnHidden(e -> {                  // Cancel, Escape or closing the window
            if (!ended[0] && read.cancel(true)) {
                closeAside(open.get());             // a read waiting for a slow stick ends now, not when data comes
            }
        });
        read.setOnSucceeded(e -> {
            ended[0] = true;
            dialog.close();
            outcome.read(read.getValue());
        });
        read.setOnFailed(e -> {
            ended[0] = true;
            dialog.close();
            outcome.refused(message(read.getException(), name));
        });
        read.setOnCancelled(e -> {
            ended[0] = true;
            dialog.close();
            outcome.cancelled();
        });
        dialog.show();
        Thread reader = new Thread(read, "rallylab-roster-read");
        reader.setDaemon(true);
        reader.start();
    }

    /** The window: what is read, how far, and Cancel. */
    private static Dialog<ButtonType> window(Window owner, String name, Task<?> read) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Importing roster");
        FormDialog.style(dialog.getDialogPane());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("roster-read-cancel");
        Label heading = Ui.label("Reading " + name, "section-title");
        heading.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("roster-read-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(read.progressProperty());
        Label status = new Label();
        status.setId("roster-read-progress");
        status.textProperty().bind(Bindings.when(read.messageProperty().isEmpty())
                .then("Opening the file…").otherwise(read.messageProperty()));
        Label note = Ui.label("Nothing is imported until you have seen what the file holds and chosen Import.",
                "muted");
        note.setWrapText(true);
        VBox body = new VBox(12, heading, bar, status, note);
        body.getStyleClass().add("form-body");
        body.setPrefWidth(520);
        dialog.getDialogPane().setContent(body);
        return dialog;
    }

    /** Closes {@code source} on a thread of its own: closing may wait for the device, never the window. */
    private static void closeAside(Closeable source) {
        if (source == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                source.close();
            } catch (IOException e) {
                // the read ends either way; nothing was imported
            }
        }, "rallylab-roster-read-stop");
        closer.setDaemon(true);
        closer.start();
    }

    /** "412 rows read (1.2 MB of 3.0 MB)", "40 KB read". */
    private static String progress(int rows, long bytes, long totalBytes) {
        String size = totalBytes > 0 ? size(bytes) + " of " + size(totalBytes) : size(bytes);
        return rows == 0 ? size + " read" : rows + (rows == 1 ? " row" : " rows") + " read (" + size + ")";
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? bytes / 1024 + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String message(Throwable failure, String name) {
        if (failure instanceof RosterFileException refusal) {
            return refusal.getMessage();
        }
        return "RallyLab could not read " + name + " (" + failure + "). Save the roster again as .xlsx or .csv from"
                + " your spreadsheet program and import that.";
    }
}
