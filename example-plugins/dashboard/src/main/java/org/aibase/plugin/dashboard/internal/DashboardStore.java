package org.aibase.plugin.dashboard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.persistence.PersistenceService;

/**
 * Dashboards in the plugin's own table: read through its JPA factory, written through the
 * platform's transactions (run again when they conflict with another request's).
 */
public final class DashboardStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersistenceService persistence;
    private final EntityManagerFactory factory;

    public DashboardStore(PersistenceService persistence) {
        this.persistence = persistence;
        this.factory = persistence.entityManagerFactory();
    }

    public StoredDashboard create(DashboardSpec spec) {
        DashboardEntity entity = new DashboardEntity();
        write(entity, spec);
        entity.createdAt = entity.updatedAt;
        persistence.inTransaction(em -> {
            em.persist(entity);
            return null;
        });
        return stored(entity);
    }

    public Optional<StoredDashboard> find(long id) {
        EntityManager em = factory.createEntityManager();
        try {
            return Optional.ofNullable(em.find(DashboardEntity.class, id)).map(DashboardStore::stored);
        } finally {
            em.close();
        }
    }

    public List<StoredDashboard> list() {
        EntityManager em = factory.createEntityManager();
        try {
            return em.createQuery("SELECT d FROM DashboardEntity d ORDER BY d.id", DashboardEntity.class).getResultList()
                    .stream().map(DashboardStore::stored).toList();
        } finally {
            em.close();
        }
    }

    public Optional<StoredDashboard> update(long id, DashboardSpec spec) {
        return persistence.inTransaction(em -> Optional.ofNullable(em.find(DashboardEntity.class, id)).map(entity -> {
            write(entity, spec);
            return stored(entity);
        }));
    }

    public boolean delete(long id) {
        return persistence.inTransaction(em -> {
            DashboardEntity entity = em.find(DashboardEntity.class, id);
            if (entity != null) {
                em.remove(entity);
            }
            return entity != null;
        });
    }

    private static void write(DashboardEntity entity, DashboardSpec spec) {
        entity.name = spec.name();
        try {
            entity.specJson = JSON.writeValueAsString(spec.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entity.updatedAt = System.currentTimeMillis();
    }

    private static StoredDashboard stored(DashboardEntity entity) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(entity.specJson, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // stored specs were valid when written: every data source they name is accepted again
        Set<String> sources = new HashSet<>();
        if (json.get("widgets") instanceof List<?> widgets) {
            widgets.forEach(w -> {
                if (w instanceof Map<?, ?> m && m.get("data_source") instanceof String s) {
                    sources.add(s);
                }
            });
        }
        DashboardSpec spec = DashboardSpec.parse(json, "stored", sources, Integer.MAX_VALUE).spec()
                .orElseThrow(() -> new IllegalStateException("dashboard " + entity.id + " holds an invalid spec"));
        return new StoredDashboard(entity.id, spec, Instant.ofEpochMilli(entity.createdAt), Instant.ofEpochMilli(entity.updatedAt));
    }
}
