package org.aibase.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The platform database (PID {@value #PID}), e.g. {@code config/org.aibase.persistence.cfg}. */
@ObjectClassDefinition(name = "AI Base Database",
        description = "The one database of the platform and its plugins: embedded Derby, a Derby network server or PostgreSQL")
@interface PersistenceConfiguration {

    String PID = "org.aibase.persistence";

    @AttributeDefinition(name = "Type", description = "derby (embedded, the default), derby-network or postgresql",
            options = {@Option(value = "derby", label = "Embedded Derby"),
                    @Option(value = "derby-network", label = "Derby network server"),
                    @Option(value = "postgresql", label = "PostgreSQL")})
    String type() default "derby";

    @AttributeDefinition(name = "Derby folder",
            description = "Embedded Derby only: the database folder; empty means <aibase.home>/data/db; relative to <aibase.home>")
    String derby_folder() default "";

    @AttributeDefinition(name = "JDBC URL", description = "derby-network and postgresql: "
            + "jdbc:derby://HOST[:PORT]/DATABASE or jdbc:postgresql://HOST[:PORT]/DATABASE[?PARAMS]")
    String url() default "";

    @AttributeDefinition(name = "User", description = "Database user (derby-network, postgresql; optional for embedded Derby)")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "Database password")
    String password() default "";

    @AttributeDefinition(name = "Pool size", description = "Connections the pool holds at most (1-500)")
    int pool_size() default 10;

    @AttributeDefinition(name = "Connection wait", description = "Seconds a caller waits for a free connection before failing")
    int pool_timeout_seconds() default 30;

    @AttributeDefinition(name = "Query timeout",
            description = "Seconds a plugin's JPA query (and, on PostgreSQL, any statement) may run; 0 for none")
    int query_timeout_seconds() default 30;

    @AttributeDefinition(name = "Usage interval",
            description = "Seconds between measurements of each plugin's storage (tables and files)")
    int usage_interval_seconds() default 60;
}
