package org.aibase.persistence.internal;

/** The SQL dialects the platform database speaks, with what differs between them. */
enum Dialect {

    DERBY("derby", "Derby", 128),
    POSTGRESQL("postgresql", "PostgreSQL", 63);

    private final String id;
    private final String eclipseLinkPlatform;
    private final int maxIdentifierBytes;

    Dialect(String id, String eclipseLinkPlatform, int maxIdentifierBytes) {
        this.id = id;
        this.eclipseLinkPlatform = eclipseLinkPlatform;
        this.maxIdentifierBytes = maxIdentifierBytes;
    }

    /** The value of the DataSource's {@code aibase.database.dialect} service property. */
    String id() {
        return id;
    }

    /** EclipseLink's {@code eclipselink.target-database}. */
    String eclipseLinkPlatform() {
        return eclipseLinkPlatform;
    }

    /** The longest table name the database accepts, in bytes (PostgreSQL: NAMEDATALEN - 1). */
    int maxIdentifierBytes() {
        return maxIdentifierBytes;
    }
}
