package org.aibase.metrics.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store on embedded Derby. */
class DerbyMetricStoreTest extends MetricStoreContract {

    @TempDir
    Path folder;

    private MetricStore store;

    @BeforeEach
    void createStore() {
        store = new MetricStore(Databases.derby(folder), Dialect.DERBY);
        store.createSchema();
        store.createSchema(); // a second start finds the table
    }

    @Override
    MetricStore store() {
        return store;
    }
}
