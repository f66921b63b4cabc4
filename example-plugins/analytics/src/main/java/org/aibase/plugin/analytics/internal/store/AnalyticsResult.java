package org.aibase.plugin.analytics.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * The result of an analysis job, in table {@code ANALYTICS_RESULTS}: the seed's AnalyticsResult (job
 * id, result type, result data, confidence, AI analysis, created at). The job's state is the job
 * service's; this row holds what the analysis found.
 */
@Entity
@Table(name = "RESULTS", indexes = @Index(name = "ANALYTICS_RESULTS_JOB", columnList = "JOB_ID"))
public class AnalyticsResult {

    /** Results of 500 columns are a few MB at most. */
    static final int MAX_TEXT = 1 << 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "JOB_ID", length = 64, nullable = false)
    public String jobId;

    /** {@code analysis}: the whole result object; the seed also knew other types. */
    @Column(name = "RESULT_TYPE", length = 40, nullable = false)
    public String resultType;

    /** The result object as JSON. */
    @Lob
    @Column(name = "RESULT_DATA", length = MAX_TEXT, nullable = false)
    public String resultData;

    /** The insights' confidence (the share of their parts that validated), null without insights. */
    public Double confidence;

    /** The insights as JSON, null for a basic analysis. */
    @Lob
    @Column(name = "AI_ANALYSIS", length = MAX_TEXT)
    public String aiAnalysis;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;
}
