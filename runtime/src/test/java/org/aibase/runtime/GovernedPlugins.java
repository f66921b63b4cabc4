package org.aibase.runtime;

import static org.aibase.runtime.MisbehavingPlugins.endpoint;
import static org.aibase.runtime.MisbehavingPlugins.pkg;
import static org.aibase.runtime.MisbehavingPlugins.type;

/**
 * Plugins whose REST resources strain the governor's limits, compiled at test time. Never shipped.
 */
final class GovernedPlugins {

    private GovernedPlugins() {
    }

    /**
     * {@code strains} (timeout 1 s, memory 16 MB): {@code strain/thread} names the thread that runs
     * it, {@code strain/path} answers its path from an injected {@code @Context UriInfo} field, {@code strain/sleep} sleeps 20 s and records whether it was interrupted ({@code
     * strain/interrupted}), {@code strain/allocate} allocates until interrupted, {@code strain/spin}
     * spins 15 s deaf to interrupts, {@code strain/nothing} is a void method.
     */
    static MisbehavingPlugin strains() {
        String id = "strains";
        String resource = type(id, "Strain");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .yaml("limits: {timeout: 1s, memory: 16MB}")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core")
                .source(resource, """
                        package %s;
                        import java.util.ArrayList;
                        import java.util.List;
                        import java.util.Map;
                        import java.util.concurrent.atomic.AtomicBoolean;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        import jakarta.ws.rs.core.Context;
                        import jakarta.ws.rs.core.Response;
                        import jakarta.ws.rs.core.UriInfo;

                        @Path("strain")
                        @Produces("application/json")
                        public class Strain {
                            static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

                            @Context
                            UriInfo uri; // a request-scoped proxy: it must resolve on the governor's thread

                            @GET @Path("path")
                            public Map<String, Object> path() {
                                return Map.of("path", uri.getPath());
                            }

                            @GET @Path("thread")
                            public Map<String, Object> thread() {
                                return Map.of("thread", Thread.currentThread().getName());
                            }

                            @GET @Path("sleep")
                            public Response sleep() {
                                try {
                                    Thread.sleep(20_000);
                                    return Response.ok(Map.of("slept", true)).build();
                                } catch (InterruptedException e) {
                                    INTERRUPTED.set(true);
                                    return Response.ok(Map.of("slept", false)).build();
                                }
                            }

                            @GET @Path("interrupted")
                            public Map<String, Object> interrupted() {
                                return Map.of("interrupted", INTERRUPTED.get());
                            }

                            @GET @Path("allocate")
                            public Map<String, Object> allocate() {
                                List<byte[]> kept = new ArrayList<>();
                                long total = 0;
                                while (!Thread.currentThread().isInterrupted()) {
                                    kept.add(new byte[1 << 20]);
                                    total += 1 << 20;
                                    if (kept.size() > 8) {
                                        kept.clear(); // small on the heap; every allocation still counts
                                    }
                                }
                                return Map.of("allocated", total);
                            }

                            @GET @Path("spin")
                            public Map<String, Object> spin() {
                                long end = System.nanoTime() + 15_000_000_000L;
                                long spins = 0;
                                while (System.nanoTime() < end) {
                                    spins++; // deaf to interrupts
                                }
                                return Map.of("spins", spins);
                            }

                            @GET @Path("nothing")
                            public void nothing() {
                            }
                        }
                        """.formatted(pkg(id)))
                .component(resource, endpoint(id, resource, ""));
    }

    /**
     * {@code throttled} (cpu 0.05 cores, timeout 30 s): {@code cpu/burn} uses about 1 s of CPU, {@code
     * cpu/quick} answers at once.
     */
    static MisbehavingPlugin throttled() {
        String id = "throttled";
        String resource = type(id, "Cpu");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .yaml("limits: {cpu: 0.05, timeout: 30s}")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core")
                .source(resource, """
                        package %s;
                        import java.util.Map;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;

                        @Path("cpu")
                        @Produces("application/json")
                        public class Cpu {
                            @GET @Path("burn")
                            public Map<String, Object> burn() {
                                // a second of a busy core: the JVM's management beans are not for plugins
                                long end = System.nanoTime() + 1_000_000_000L;
                                long sum = 0;
                                while (System.nanoTime() < end) {
                                    for (int i = 0; i < 10_000; i++) {
                                        sum += i %% 7;
                                    }
                                }
                                return Map.of("sum", sum);
                            }

                            @GET @Path("quick")
                            public Map<String, Object> quick() {
                                return Map.of("quick", true);
                            }
                        }
                        """.formatted(pkg(id)))
                .component(resource, endpoint(id, resource, ""));
    }

    /**
     * {@code runaway} (timeout 1 s, 4 cores so its spinning never makes it wait for CPU): {@code loop/spin?ms=N} spins N ms deaf to interrupts (a runaway
     * once its timeout has passed), {@code loop/ok} answers at once.
     */
    static MisbehavingPlugin runaway() {
        String id = "runaway";
        String resource = type(id, "Loop");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .yaml("limits: {timeout: 1s, cpu: 4}")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core")
                .source(resource, """
                        package %s;
                        import java.util.Map;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        import jakarta.ws.rs.QueryParam;

                        @Path("loop")
                        @Produces("application/json")
                        public class Loop {
                            @GET @Path("spin")
                            public Map<String, Object> spin(@QueryParam("ms") long millis) {
                                long end = System.nanoTime() + millis * 1_000_000L;
                                long spins = 0;
                                while (System.nanoTime() < end) {
                                    spins++; // deaf to interrupts
                                }
                                return Map.of("spins", spins);
                            }

                            @GET @Path("ok")
                            public Map<String, Object> ok() {
                                return Map.of("ok", true);
                            }
                        }
                        """.formatted(pkg(id)))
                .component(resource, endpoint(id, resource, ""));
    }
}
