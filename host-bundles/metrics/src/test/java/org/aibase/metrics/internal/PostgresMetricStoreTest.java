package org.aibase.metrics.internal;

import org.junit.jupiter.api.BeforeEach;

/** The store on a real PostgreSQL server. */
class PostgresMetricStoreTest extends MetricStoreContract {

    private MetricStore store;

    @BeforeEach
    void createStore() throws Exception {
        store = new MetricStore(Databases.postgres(), Dialect.POSTGRESQL);
        store.createSchema();
        store.createSchema();
    }

    @Override
    MetricStore store() {
        return store;
    }
}
