package org.aibase.persistence.internal;

import javax.sql.DataSource;

import org.apache.derby.client.BasicClientDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The unpooled data source of a database reached over the network: a Derby network server or PostgreSQL. */
final class NetworkDataSources {

    private NetworkDataSources() {
    }

    static DataSource of(DatabaseSettings settings) {
        if (settings.dialect() == Dialect.POSTGRESQL) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(settings.url());
            if (!settings.queryTimeout().isZero()) {
                // every statement, also the host bundles' own JDBC, is bounded on the server
                source.setOptions("-c statement_timeout=" + settings.queryTimeout().toMillis());
            }
            return source;
        }
        DatabaseSettings.DerbyServer server = settings.derbyServer();
        BasicClientDataSource source = new BasicClientDataSource();
        source.setServerName(server.host());
        source.setPortNumber(server.port());
        source.setDatabaseName(server.database());
        if (!server.attributes().isEmpty()) {
            source.setConnectionAttributes(server.attributes());
        }
        return source;
    }
}
