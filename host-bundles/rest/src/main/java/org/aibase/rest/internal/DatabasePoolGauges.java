package org.aibase.rest.internal;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The platform database pool's use, read from the JMX beans the pool registers ({@code HikariCP}'s
 * {@code Pool} and {@code PoolConfig} beans of the pool named {@code aibase-platform}), so the HTTP API
 * needs no dependency on the persistence bundle. Nothing is written while no pool is open.
 */
final class DatabasePoolGauges {

    private static final String POOL = "com.zaxxer.hikari:type=Pool (aibase-platform)";
    private static final String CONFIG = "com.zaxxer.hikari:type=PoolConfig (aibase-platform)";

    private DatabasePoolGauges() {
    }

    static void write(PrometheusText text) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName pool = new ObjectName(POOL);
            if (!server.isRegistered(pool)) {
                return;
            }
            int active = (Integer) server.getAttribute(pool, "ActiveConnections");
            int idle = (Integer) server.getAttribute(pool, "IdleConnections");
            int waiting = (Integer) server.getAttribute(pool, "ThreadsAwaitingConnection");
            int max = (Integer) server.getAttribute(new ObjectName(CONFIG), "MaximumPoolSize");
            text.family("aibase_db_pool_connections", "gauge", "the platform database pool's connections by state");
            text.labelled("aibase_db_pool_connections", Map.of("state", "active"), active);
            text.labelled("aibase_db_pool_connections", Map.of("state", "idle"), idle);
            text.family("aibase_db_pool_max_connections", "gauge", "the most connections the pool holds (pool.size)");
            text.sample("aibase_db_pool_max_connections", null, max);
            text.family("aibase_db_pool_waiting_threads", "gauge", "threads waiting for a connection now");
            text.sample("aibase_db_pool_waiting_threads", null, waiting);
        } catch (JMException | ClassCastException e) {
            // the pool closed between the look and the read, or a version with other beans: no figures this time
        }
    }
}
