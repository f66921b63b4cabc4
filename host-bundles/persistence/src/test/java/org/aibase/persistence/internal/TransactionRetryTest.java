package org.aibase.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

import org.aibase.api.persistence.PersistenceService;
import org.junit.jupiter.api.Test;

class TransactionRetryTest {

    /** What the transactions of the entity managers handed out did, in order. */
    private final List<String> log = new ArrayList<>();

    @Test
    void aConflictRunsTheWorkAgainInANewTransaction() {
        AtomicInteger runs = new AtomicInteger();
        String value = TransactionRetry.run(this::entityManager, em -> {
            if (runs.incrementAndGet() < 3) {
                throw conflict("40XL1"); // Derby: a lock could not be obtained within the time requested
            }
            return "stored";
        });
        assertEquals("stored", value);
        assertEquals(List.of("begin", "rollback", "close", "begin", "rollback", "close", "begin", "commit", "close"), log);
    }

    @Test
    void itGivesUpAfterTheAttemptsWithTheLastFailure() {
        AtomicInteger runs = new AtomicInteger();
        PersistenceException last = conflict("40001");
        PersistenceException thrown = assertThrows(PersistenceException.class, () -> TransactionRetry.run(this::entityManager, em -> {
            runs.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(PersistenceService.TRANSACTION_ATTEMPTS, runs.get());
    }

    @Test
    void anyOtherFailureRollsBackOnceAndIsThrownAsItCame() {
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException wrong = new IllegalArgumentException("no such row");
        assertSame(wrong, assertThrows(IllegalArgumentException.class, () -> TransactionRetry.run(this::entityManager, em -> {
            runs.incrementAndGet();
            throw wrong;
        })));
        assertEquals(1, runs.get());
        assertEquals(false, TransactionRetry.conflict(conflict("23505")), "a duplicate key is no conflict to wait out");
        assertTrue(TransactionRetry.conflict(conflict("40P01")), "PostgreSQL's deadlock");
        assertEquals(List.of("begin", "rollback", "close"), log);
    }

    private static PersistenceException conflict(String sqlState) {
        // EclipseLink's shape: its DatabaseException around the driver's exception, wrapped for JPA
        return new PersistenceException("Internal Exception", new RuntimeException("database",
                new SQLTransactionRollbackException("conflict", sqlState)));
    }

    private EntityManager entityManager() {
        boolean[] active = { false };
        EntityTransaction transaction = (EntityTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { EntityTransaction.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "begin" -> { active[0] = true; log.add("begin"); yield null; }
                    case "commit", "rollback" -> { active[0] = false; log.add(method.getName()); yield null; }
                    case "isActive" -> active[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { EntityManager.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getTransaction" -> transaction;
                    case "close" -> { log.add("close"); yield null; }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
