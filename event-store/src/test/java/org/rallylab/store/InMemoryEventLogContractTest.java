package org.rallylab.store;

class InMemoryEventLogContractTest extends EventLogContract {

    @Override
    protected EventLog newLog() {
        return new InMemoryEventLog();
    }
}
