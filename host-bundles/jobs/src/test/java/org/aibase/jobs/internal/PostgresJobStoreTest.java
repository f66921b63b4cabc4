package org.aibase.jobs.internal;

import org.junit.jupiter.api.BeforeEach;

/** The store on a real PostgreSQL server. */
class PostgresJobStoreTest extends JobStoreContract {

    private JobStore store;

    @BeforeEach
    void createStore() throws Exception {
        store = new JobStore(Databases.postgres(), Dialect.POSTGRESQL);
        store.createSchema();
        store.createSchema();
    }

    @Override
    JobStore store() {
        return store;
    }
}
