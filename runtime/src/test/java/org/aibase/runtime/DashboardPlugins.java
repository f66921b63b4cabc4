package org.aibase.runtime;

import static org.aibase.runtime.MisbehavingPlugins.component;
import static org.aibase.runtime.MisbehavingPlugins.endpoint;
import static org.aibase.runtime.MisbehavingPlugins.pkg;
import static org.aibase.runtime.MisbehavingPlugins.type;

/** Test plugins around the MetricsService's permission. */
final class DashboardPlugins {

    private DashboardPlugins() {
    }

    /** A sandbox plugin without {@code metrics.read} whose component references the MetricsService: refused by the validator. */
    static MisbehavingPlugin referencesMetricsWithoutPermission() {
        String id = "wants_metrics";
        String type = type(id, "Watcher");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "org.aibase.api.metrics")
                .source(type, """
                        package %s;
                        import org.aibase.api.metrics.MetricsService;
                        public class Watcher {
                            volatile MetricsService metrics;
                        }
                        """.formatted(pkg(id)))
                .component(type, component(type, """
                          <reference name="metrics" interface="org.aibase.api.metrics.MetricsService"
                              cardinality="0..1" policy="dynamic" field="metrics"/>
                        """));
    }

    /**
     * A trusted plugin (it sees every service) without {@code metrics.read}: its optional reference to
     * the MetricsService stays unbound because the service's facade refuses it; {@code GET probe}
     * answers {@code {"bound": true|false}}.
     */
    static MisbehavingPlugin trustedWithoutMetricsPermission() {
        String id = "trusted_probe";
        String type = type(id, "Probe");
        return MisbehavingPlugin.withId(id)
                .yaml("security: trusted")
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core,org.aibase.api.metrics")
                .source(type, """
                        package %s;
                        import java.util.Map;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        import org.aibase.api.metrics.MetricsService;

                        @Path("probe")
                        @Produces("application/json")
                        public class Probe {
                            volatile MetricsService metrics;

                            @GET
                            public Map<String, Object> probe() {
                                return Map.of("bound", metrics != null);
                            }
                        }
                        """.formatted(pkg(id)))
                .component(type, endpoint(id, type, """
                          <reference name="metrics" interface="org.aibase.api.metrics.MetricsService"
                              cardinality="0..1" policy="dynamic" field="metrics"/>
                        """));
    }
}
