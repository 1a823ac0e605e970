package org.rallylab.app.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * The app's last line of defence: an unexpected error anywhere becomes a dialog that says what
 * happened, that nothing recorded is lost, and what to do, with the details to copy for a bug
 * report. The app keeps running. At most one such dialog is open at a time.
 */
final class ErrorReport implements Thread.UncaughtExceptionHandler {

    private static final System.Logger LOG = System.getLogger(ErrorReport.class.getName());

    private final Supplier<Window> owner;
    private final Supplier<Path> rallyFile;
    private boolean showing;

    ErrorReport(Supplier<Window> owner, Supplier<Path> rallyFile) {
        this.owner = owner;
        this.rallyFile = rallyFile;
    }

    /** Installs this as the handler of every thread without its own. */
    void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(this));
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "unexpected error on " + thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show(error);
        } else {
            Platform.runLater(() -> show(error));
        }
    }

    private void show(Throwable error) {
        if (showing) {
            return;
        }
        showing = true;
        try {
            Path file = rallyFile.get();
            String safe = file == null ? "No rally was open."
                    : "Nothing was lost: every result recorded so far is in " + file + ".";
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner.get());
            alert.setTitle("RallyLab – something went wrong");
            alert.setHeaderText("Something went wrong: " + describe(error));
            alert.setContentText(safe + " You can keep racing. If it happens again, close RallyLab and start it "
                    + "again: it continues on the same heat. To report it, copy the details below.");
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setPrefRowCount(12);
            alert.getDialogPane().setExpandableContent(details);
            ButtonType copy = new ButtonType("Copy details");
            alert.getButtonTypes().setAll(ButtonType.OK, copy);
            alert.getDialogPane().getStylesheets().add(Ui.STYLESHEET);
            alert.showAndWait().filter(copy::equals).ifPresent(b -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(trace.toString());
                Clipboard.getSystemClipboard().setContent(content);
            });
        } finally {
            showing = false;
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
