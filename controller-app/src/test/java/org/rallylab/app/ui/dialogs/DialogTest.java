package org.rallylab.app.ui.dialogs;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

/** What every dialog test has: a folder, the operator stage, the bench it opens, closed after each test. */
@ExtendWith(ApplicationExtension.class)
abstract class DialogTest {

    @TempDir
    Path folder;
    Stage stage;
    DialogBench bench;

    @BeforeEach
    void operatorStage() throws Exception {
        // the stage ApplicationExtension set up (it looks for @Start on the test class only, not here)
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeBench() {
        if (bench != null) {
            bench.close();
        }
    }
}
