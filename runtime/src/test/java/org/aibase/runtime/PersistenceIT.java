package org.aibase.runtime;

/** {@link PersistenceScenarios} on the default database: embedded Derby under {@code data/db}. */
class PersistenceIT extends PersistenceScenarios {

    @Override
    String databaseConfiguration() {
        return "type=derby";
    }

    @Override
    String maxTableName() {
        return "Derby accepts at most 128";
    }
}
