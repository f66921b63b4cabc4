package org.aibase.plugin.analytics.internal.store;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A posted dataset waiting for (or kept after) its analysis, in table {@code ANALYTICS_DATASETS}: the
 * body exactly as posted, deflated, so that an analysis can be recomputed from it at any time.
 */
@Entity
@Table(name = "DATASETS")
public class DatasetRecord {

    /** Posted bodies are at most a few hundred MB; deflated they stay well below this column size. */
    static final int MAX_STORED_BYTES = 1 << 30;

    @Id
    @Column(length = 36)
    public String id;

    @Column(length = 400, nullable = false)
    public String name;

    @Column(name = "MEDIA_TYPE", length = 100, nullable = false)
    public String mediaType;

    /** The size of the body as posted, before deflating. */
    @Column(name = "BODY_BYTES", nullable = false)
    public long bodyBytes;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "DEFLATED_BODY", length = MAX_STORED_BYTES, nullable = false)
    public byte[] deflatedBody;

    @Column(name = "CREATED_AT", nullable = false)
    public long createdAt;
}
