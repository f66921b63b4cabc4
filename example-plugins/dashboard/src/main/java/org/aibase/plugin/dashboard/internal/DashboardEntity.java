package org.aibase.plugin.dashboard.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A stored dashboard: its spec as JSON text (widgets change shape more often than tables should). */
@Entity
@Table(name = "DASHBOARDS")
public class DashboardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(length = 100, nullable = false)
    public String name;

    @Lob
    @Column(nullable = false)
    public String specJson;

    public long createdAt;

    public long updatedAt;
}
