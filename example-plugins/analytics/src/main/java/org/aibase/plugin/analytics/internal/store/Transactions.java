package org.aibase.plugin.analytics.internal.store;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Reads outside a transaction. Writes go through {@code PersistenceService.inTransaction}, which runs
 * them again when they conflict with another job's (two analyses storing results at once).
 */
final class Transactions {

    private Transactions() {
    }

    static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
