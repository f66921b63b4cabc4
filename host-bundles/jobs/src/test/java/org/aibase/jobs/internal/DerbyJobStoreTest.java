package org.aibase.jobs.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store on embedded Derby. */
class DerbyJobStoreTest extends JobStoreContract {

    @TempDir
    Path folder;

    private JobStore store;

    @BeforeEach
    void createStore() {
        store = new JobStore(Databases.derby(folder), Dialect.DERBY);
        store.createSchema();
        store.createSchema(); // a second start finds the table there
    }

    @Override
    JobStore store() {
        return store;
    }
}
