package org.aibase.plugin.analytics.internal.store;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import org.aibase.api.persistence.PersistenceService;
import org.aibase.plugin.analytics.internal.jobs.AnalysisResults;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Analysis results as {@link AnalyticsResult} rows, one per job ({@code result_type} {@code analysis}). */
@Component(service = AnalysisResults.class)
public final class JpaAnalysisResults implements AnalysisResults {

    static final String ANALYSIS = "analysis";

    private final PersistenceService persistence;
    private final EntityManagerFactory emf;

    @Activate
    public JpaAnalysisResults(@Reference PersistenceService persistence) {
        this.persistence = persistence;
        this.emf = persistence.entityManagerFactory();
    }

    @Override
    public void put(String jobId, String resultJson, Double confidence, String insightsJson) {
        AnalyticsResult row = new AnalyticsResult();
        row.jobId = jobId;
        row.resultType = ANALYSIS;
        row.resultData = resultJson;
        row.confidence = confidence;
        row.aiAnalysis = insightsJson;
        row.createdAt = System.currentTimeMillis();
        persistence.inTransaction(em -> {
            // a job that runs again (after a crash) replaces what an earlier attempt stored
            em.createQuery("DELETE FROM AnalyticsResult r WHERE r.jobId = :job").setParameter("job", jobId).executeUpdate();
            em.persist(row);
            return null;
        });
    }

    @Override
    public Optional<String> get(String jobId) {
        List<String> data = Transactions.read(emf, em -> em.createQuery(
                "SELECT r.resultData FROM AnalyticsResult r WHERE r.jobId = :job AND r.resultType = :type ORDER BY r.id DESC",
                String.class).setParameter("job", jobId).setParameter("type", ANALYSIS).setMaxResults(1).getResultList());
        return data.stream().findFirst();
    }

    @Override
    public boolean delete(String jobId) {
        return persistence.inTransaction(em -> em.createQuery("DELETE FROM AnalyticsResult r WHERE r.jobId = :job")
                .setParameter("job", jobId).executeUpdate() > 0);
    }
}
