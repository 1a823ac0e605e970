package org.rallylab.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RallyFileContractTest extends EventLogContract {

    @TempDir
    Path folder;
    private int opened;

    @Override
    protected EventLog newLog() throws RallyFileException {
        return RallyFile.create(folder.resolve("contract-" + (++opened) + RallyFile.EXTENSION));
    }
}
