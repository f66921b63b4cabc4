package org.aibase.persistence.internal;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.aibase.api.persistence.PersistenceService;

/**
 * {@link PersistenceService#inTransaction}: one transaction around a plugin's work, run again when the
 * database rolled it back for a conflict with another transaction. Derby answers two transactions
 * that insert into one table with an identity column at the same moment with a lock timeout now and
 * then (SQLState {@code 40XL1}); PostgreSQL a serialization failure or deadlock ({@code 40001},
 * {@code 40P01}). A sandboxed plugin cannot see {@code java.sql} to tell these apart; the platform can.
 */
final class TransactionRetry {

    /** The longest pause before another attempt, times the attempts so far. */
    private static final long PAUSE_MILLIS = 20;

    private TransactionRetry() {
    }

    static <T> T run(Supplier<EntityManager> entityManagers, Function<EntityManager, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(entityManagers.get(), work);
            } catch (RuntimeException e) {
                if (attempt >= PersistenceService.TRANSACTION_ATTEMPTS || !conflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static <T> T once(EntityManager em, Function<EntityManager, T> work) {
        try {
            em.getTransaction().begin();
            T value = work.apply(em);
            em.getTransaction().commit();
            return value;
        } finally {
            try {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            } finally {
                em.close();
            }
        }
    }

    /** Whether the database rolled the transaction back for a conflict with another: SQLState class 40. */
    static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, PAUSE_MILLIS * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the transaction could be tried again", e);
        }
    }
}
