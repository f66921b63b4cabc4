package org.aibase.plugin.analytics.internal.jobs;

import java.util.Optional;

/**
 * Where posted datasets wait for their analysis, in the plugin's own storage. To be bound to the
 * platform's per-plugin storage (PersistenceService / plugin files) once it is available.
 */
public interface DatasetStore {

    /** A stored dataset: its name, media type ({@code application/json} or {@code text/csv}) and bytes. */
    record StoredDataset(String id, String name, String mediaType, byte[] body) {
    }

    /** Stores a dataset and answers its id. */
    String put(String name, String mediaType, byte[] body);

    /** The dataset, if still stored. */
    Optional<StoredDataset> get(String id);

    /** Deletes a dataset; whether there was one. */
    boolean delete(String id);
}
