package org.rallylab.app.ui.cloud;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.rallylab.app.ui.Ui;
import org.rallylab.sync.client.CloudSession;

/**
 * Sign-in with an email one-time code: the email, "Send code" (the server mails a 6-digit code),
 * the code, "Sign in". Both calls run on the cloud thread, never the JavaFX thread; problems show
 * inline with the server's message. Enter sends the code or signs in, Escape cancels.
 */
public final class SignInDialog {

    private SignInDialog() {
    }

    /** Signs in through {@code cloud}; the new session (not saved yet), or empty when cancelled. */
    public static Optional<CloudSession> ask(Window owner, CloudSync cloud, String email) {
        CloudDialog dialog = new CloudDialog(owner, "Sign in to the cloud", "Sign in with your email");
        TextField address = new TextField(email == null ? "" : email);
        address.setId("cloud-email");
        address.setPromptText("name@example.org");
        TextField code = new TextField();
        code.setId("cloud-code");
        code.setPromptText("6-digit code");
        code.setDisable(true);
        Button send = Ui.button("Send code", "cloud-send-code", () -> { });
        Button signIn = Ui.button("Sign in", "cloud-sign-in", () -> { });
        signIn.getStyleClass().add("primary");
        signIn.setDisable(true);
        CloudSession[] answer = {null};

        Runnable sendCode = () -> {
            String to = address.getText().strip();
            dialog.busy("Sending a code to " + to + "…");
            send.setDisable(true);
            cloud.call((client, session) -> {
                client.requestCode(to);
                return to;
            }).whenComplete((sent, failure) -> Platform.runLater(() -> {
                send.setDisable(false);
                if (failure != null) {
                    dialog.problem(CloudDialog.messageOf(failure));
                    address.requestFocus();
                    return;
                }
                dialog.busy("A 6-digit code was mailed to " + sent + ". Type it below (it is valid for a few"
                        + " minutes).");
                code.setDisable(false);
                signIn.setDisable(false);
                code.requestFocus();
            }));
        };
        Runnable verify = () -> {
            String to = address.getText().strip();
            String typed = code.getText();
            dialog.busy("Checking the code…");
            signIn.setDisable(true);
            cloud.call((client, session) -> client.verifyCode(to, typed))
                    .whenComplete((session, failure) -> Platform.runLater(() -> {
                        signIn.setDisable(false);
                        if (failure != null) {
                            dialog.problem(CloudDialog.messageOf(failure));
                            code.requestFocus();
                            code.selectAll();
                            return;
                        }
                        answer[0] = session;
                        dialog.stage.close();
                    }));
        };
        send.setOnAction(e -> sendCode.run());
        signIn.setOnAction(e -> verify.run());
        address.setOnAction(e -> sendCode.run());
        code.setOnAction(e -> verify.run());
        dialog.add(CloudDialog.field("_Email", address, "The code goes to this address; the rally's organizer"
                        + " invites helpers by it."),
                CloudDialog.field("_Code", code, null)).buttons(send, signIn);
        Platform.runLater(address::requestFocus);
        dialog.clearProblemOn(address.textProperty(), code.textProperty());
        dialog.showAndWait();
        return Optional.ofNullable(answer[0]);
    }
}
