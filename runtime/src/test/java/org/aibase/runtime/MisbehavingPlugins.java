package org.aibase.runtime;

/**
 * The test plugins that try to get past one guard each, and the ones that use the per-plugin services
 * as they are meant to be used. Each lives in its own package {@code org.example.misbehaving.<id>}.
 */
final class MisbehavingPlugins {

    private MisbehavingPlugins() {
    }

    // ---- service references the validator must refuse ----

    /** References Config Admin (every plugin's configuration, secrets included), which no plugin is granted. */
    static MisbehavingPlugin referencesConfigAdmin() {
        String id = "wants_config_admin";
        String type = type(id, "Snoop");
        return MisbehavingPlugin.withId(id)
                .source(type, """
                        package %s;
                        public class Snoop {
                        }
                        """.formatted(pkg(id)))
                .component(type, component(type, """
                          <reference name="configAdmin" interface="org.osgi.service.cm.ConfigurationAdmin"
                              cardinality="0..1" policy="dynamic"/>
                        """));
    }

    /**
     * An optional, dynamic reference to {@code PluginFiles} without the {@code files} permission: it
     * would simply stay unbound at run time (the find hook hides the service), if it got that far.
     */
    static MisbehavingPlugin referencesFilesWithoutPermission() {
        String id = "wants_files";
        String type = type(id, "Reader");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "org.aibase.api.files")
                .source(type, """
                        package %s;
                        import org.aibase.api.files.PluginFiles;
                        public class Reader {
                            volatile PluginFiles files;
                        }
                        """.formatted(pkg(id)))
                .component(type, component(type, """
                          <reference name="files" interface="org.aibase.api.files.PluginFiles"
                              cardinality="0..1" policy="dynamic" field="files"/>
                        """));
    }

    // ---- exports the validator must refuse ----

    /** Exports a package inside the platform's namespace, to stand in for it in other bundles' wiring. */
    static MisbehavingPlugin exportsPlatformPackage() {
        String type = "org.aibase.api.x.Shadow";
        return MisbehavingPlugin.withId("exports_api")
                .header("Export-Package", "org.aibase.api.x")
                .source(type, """
                        package org.aibase.api.x;
                        public class Shadow {
                        }
                        """);
    }

    // ---- denied APIs the bytecode scan must refuse: one plugin per API ----

    static MisbehavingPlugin runtimeExec() {
        return usesDeniedApi("uses_exec", "throws Exception { Runtime.getRuntime().exec(new String[] {\"true\"}); }");
    }

    static MisbehavingPlugin rawSocket() {
        return usesDeniedApi("uses_socket", "throws Exception { new java.net.Socket(\"127.0.0.1\", 9).close(); }");
    }

    static MisbehavingPlugin systemExit() {
        return usesDeniedApi("uses_exit", "{ System.exit(3); }");
    }

    static MisbehavingPlugin systemGetenv() {
        return usesDeniedApi("uses_getenv", "{ System.out.println(System.getenv(\"OPENAI_API_KEY\")); }");
    }

    static MisbehavingPlugin newThread() {
        return usesDeniedApi("uses_thread", "{ new Thread(() -> { }).start(); }");
    }

    static MisbehavingPlugin filesWrite() {
        return usesDeniedApi("uses_files",
                "throws Exception { java.nio.file.Files.write(java.nio.file.Path.of(\"/tmp/owned\"), new byte[1]); }");
    }

    /** The class every denied-API plugin carries: {@code org.example.misbehaving.<id>.Evil}. */
    static String evilClass(String id) {
        return type(id, "Evil");
    }

    private static MisbehavingPlugin usesDeniedApi(String id, String methodBody) {
        return MisbehavingPlugin.withId(id)
                .source(evilClass(id), """
                        package %s;
                        public class Evil {
                            public static void run() %s
                        }
                        """.formatted(pkg(id), methodBody));
    }

    // ---- wiring the resolver hook must refuse ----

    /** Imports a package only a platform bundle exports (or, for the framework API, the system bundle). */
    static MisbehavingPlugin importing(String id, String packageName) {
        return MisbehavingPlugin.withId(id).header("Import-Package", packageName);
    }

    static MisbehavingPlugin requiringBundle(String id, String symbolicName) {
        return MisbehavingPlugin.withId(id).header("Require-Bundle", symbolicName);
    }

    static MisbehavingPlugin fragmentOf(String id, String hostSymbolicName) {
        return MisbehavingPlugin.withId(id).header("Fragment-Host", hostSymbolicName);
    }

    // ---- HTTP: a resource that selects another plugin's application ----

    /**
     * Registers {@code Stolen} ({@code @Path("stolen")}) straight on the Jakarta REST whiteboard in
     * hello's application, and {@code Ping} ({@code @Path("ping")}) the proper way, as its own endpoint.
     */
    static MisbehavingPlugin hijacksHello() {
        String id = "hijacks_hello";
        String stolen = type(id, "Stolen");
        String ping = type(id, "Ping");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs")
                .source(stolen, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        @Path("stolen")
                        public class Stolen {
                            @GET @Produces("text/plain")
                            public String get() { return "hello's URL space is mine"; }
                        }
                        """.formatted(pkg(id)))
                .source(ping, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        @Path("ping")
                        public class Ping {
                            @GET @Produces("text/plain")
                            public String get() { return "pong"; }
                        }
                        """.formatted(pkg(id)))
                .component(stolen, component(stolen, """
                          <property name="osgi.jakartars.resource" type="Boolean" value="true"/>
                          <property name="osgi.jakartars.application.select" type="String" value="(osgi.jakartars.name=aibase.hello)"/>
                          <service scope="prototype"><provide interface="%s"/></service>
                        """.formatted(stolen)))
                .component(ping, endpoint(id, ping, ""));
    }

    /**
     * A resource {@code GET /api/v1/clingy/scratch} that keeps a buffer of its own type in a thread-local
     * of the thread it runs on, as libraries with per-thread caches do, and answers {@code answer}
     * (different builds of the same plugin answer differently).
     */
    static MisbehavingPlugin keepsThreadLocals(String answer) {
        String id = "clingy";
        String scratch = type(id, "Scratch");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs")
                .source(scratch, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        @Path("scratch")
                        public class Scratch {
                            static final class Buffer {
                                final byte[] bytes = new byte[64 * 1024];
                            }
                            private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);
                            @GET @Produces("text/plain")
                            public String get() {
                                BUFFERS.get().bytes[0]++;
                                return "%s";
                            }
                        }
                        """.formatted(pkg(id), answer))
                .component(scratch, endpoint(id, scratch, ""));
    }

    /**
     * A resource {@code GET /api/v1/sluggish/nap} whose first instance's constructor sleeps {@code seconds}
     * before it returns: a component that blocks in its activation (a slow connection opened, a lock awaited).
     */
    static MisbehavingPlugin activatesSlowly(int seconds) {
        String id = "sluggish";
        String nap = type(id, "Nap");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs")
                .source(nap, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        @Path("nap")
                        public class Nap {
                            private static volatile boolean awake;
                            public Nap() throws InterruptedException {
                                if (!awake) {
                                    Thread.sleep(%d_000L);
                                    awake = true;
                                }
                            }
                            @GET @Produces("text/plain")
                            public String get() { return "awake"; }
                        }
                        """.formatted(pkg(id), seconds))
                .component(nap, endpoint(id, nap, ""));
    }

    /**
     * A {@code Plugin} service that declares the task {@code tidy} for users and {@code purge} for
     * admins, and answers every task it is given with its type (so a test sees which reached it).
     */
    static MisbehavingPlugin declaresAnAdminTask() {
        String id = "keeper";
        String tasks = type(id, "KeeperTasks");
        return MisbehavingPlugin.withId(id)
                .yaml("tasks:\n  - {name: tidy, description: Tidies up}\n  - {name: purge, description: Removes all, role: admin}")
                .header("Import-Package", "org.aibase.api.plugin")
                .source(tasks, """
                        package %s;
                        import java.util.Map;
                        import org.aibase.api.plugin.Plugin;
                        import org.aibase.api.plugin.TaskRequest;
                        import org.aibase.api.plugin.TaskResult;
                        public class KeeperTasks implements Plugin {
                            public TaskResult execute(TaskRequest request) {
                                return TaskResult.ok(Map.of("ran", request.type()));
                            }
                        }
                        """.formatted(pkg(id)))
                .component(tasks, component(tasks, """
                          <service><provide interface="org.aibase.api.plugin.Plugin"/></service>
                        """));
    }

    /**
     * A {@code Plugin} service whose task {@code spin} keeps a core busy for 8 s and never looks at
     * its interrupt, with {@code limits.timeout: 1s}: runaway work, as a stuck loop is.
     */
    static MisbehavingPlugin spinsPastItsTimeout() {
        String id = "spinner";
        String tasks = type(id, "SpinTasks");
        return MisbehavingPlugin.withId(id)
                .yaml("limits: {timeout: 1s}")
                .header("Import-Package", "org.aibase.api.plugin")
                .source(tasks, """
                        package %s;
                        import java.util.Map;
                        import org.aibase.api.plugin.Plugin;
                        import org.aibase.api.plugin.TaskRequest;
                        import org.aibase.api.plugin.TaskResult;
                        public class SpinTasks implements Plugin {
                            public TaskResult execute(TaskRequest request) {
                                long end = System.nanoTime() + 8_000_000_000L;
                                long spins = 0;
                                while (System.nanoTime() < end) {
                                    spins++; // deaf to interrupts
                                }
                                return TaskResult.ok(Map.of("spins", spins));
                            }
                        }
                        """.formatted(pkg(id)))
                .component(tasks, component(tasks, """
                          <service><provide interface="org.aibase.api.plugin.Plugin"/></service>
                        """));
    }

    /**
     * A {@code Plugin} service that declares the task {@code nap} (input {@code {"seconds": 1-60}}),
     * which sleeps that long, with {@code limits.timeout: 1s}: a tool call past its plugin's timeout.
     */
    static MisbehavingPlugin napsPastItsTimeout() {
        String id = "napper";
        String tasks = type(id, "NapTasks");
        return MisbehavingPlugin.withId(id)
                .yaml("""
                        limits: {timeout: 1s}
                        tasks:
                          - name: nap
                            description: Sleeps for the given seconds
                            input:
                              type: object
                              properties: {seconds: {type: integer, minimum: 1, maximum: 60}}
                              required: [seconds]
                        """)
                .header("Import-Package", "org.aibase.api.plugin")
                .source(tasks, """
                        package %s;
                        import java.util.Map;
                        import org.aibase.api.plugin.Plugin;
                        import org.aibase.api.plugin.TaskRequest;
                        import org.aibase.api.plugin.TaskResult;
                        public class NapTasks implements Plugin {
                            public TaskResult execute(TaskRequest request) {
                                try {
                                    Thread.sleep(((Number) request.config().get("seconds")).longValue() * 1000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return TaskResult.ok(Map.of("slept", true));
                            }
                        }
                        """.formatted(pkg(id)))
                .component(tasks, component(tasks, """
                          <service><provide interface="org.aibase.api.plugin.Plugin"/></service>
                        """));
    }

    /**
     * A {@code Plugin} service whose task {@code steal} answers with the job id it is given, as if it
     * had submitted that job: a caller following the job must not get another plugin's progress and result.
     */
    static MisbehavingPlugin namesAnotherPluginsJob() {
        String id = "thief";
        String tasks = type(id, "StealTasks");
        return MisbehavingPlugin.withId(id)
                .yaml("""
                        tasks:
                          - name: steal
                            description: Claims a job it did not submit
                            input: {type: object, properties: {job: {type: string}}, required: [job]}
                        """)
                .header("Import-Package", "org.aibase.api.plugin")
                .source(tasks, """
                        package %s;
                        import java.util.Map;
                        import org.aibase.api.plugin.Plugin;
                        import org.aibase.api.plugin.TaskRequest;
                        import org.aibase.api.plugin.TaskResult;
                        public class StealTasks implements Plugin {
                            public TaskResult execute(TaskRequest request) {
                                return TaskResult.submitted((String) request.config().get("job"), Map.of());
                            }
                        }
                        """.formatted(pkg(id)))
                .component(tasks, component(tasks, """
                          <service><provide interface="org.aibase.api.plugin.Plugin"/></service>
                        """));
    }

    // ---- the per-plugin services, used by a plugin that holds them ----

    /**
     * Holds {@code http}, {@code network} (only {@code 127.0.0.1}) and {@code files}; its resource
     * {@code probe} calls {@code OutboundHttp} and {@code PluginFiles} and answers the outcome: 200
     * with the result, or 400 with {@code {"code","message"}} of the refusal.
     */
    static MisbehavingPlugin probesConfinedServices() {
        String id = "probes_services";
        String probe = type(id, "Probe");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http, network, files]")
                .yaml("network_hosts: [127.0.0.1]")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core,org.aibase.api.plugin,org.aibase.api.http,"
                        + "org.aibase.api.files")
                .source(probe, """
                        package %s;
                        import java.net.URI;
                        import java.nio.charset.StandardCharsets;
                        import java.util.Map;
                        import jakarta.ws.rs.Consumes;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.PUT;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        import jakarta.ws.rs.QueryParam;
                        import jakarta.ws.rs.core.Response;
                        import org.aibase.api.files.PluginFiles;
                        import org.aibase.api.http.HttpCall;
                        import org.aibase.api.http.HttpResult;
                        import org.aibase.api.http.OutboundHttp;
                        import org.aibase.api.plugin.PluginException;

                        @Path("probe")
                        @Produces("application/json")
                        public class Probe {
                            OutboundHttp http;
                            PluginFiles files;

                            @GET @Path("outbound")
                            public Response outbound(@QueryParam("url") String url) {
                                try {
                                    HttpResult result = http.send(HttpCall.get(URI.create(url)));
                                    return Response.ok(Map.of("status", result.status(), "body", result.bodyText())).build();
                                } catch (PluginException e) {
                                    return refused(e);
                                }
                            }

                            @PUT @Path("file") @Consumes("text/plain")
                            public Response write(@QueryParam("name") String name, String text) {
                                try {
                                    files.write(name, text.getBytes(StandardCharsets.UTF_8));
                                    return Response.ok(Map.of("written", name)).build();
                                } catch (PluginException e) {
                                    return refused(e);
                                }
                            }

                            @GET @Path("file")
                            public Response read(@QueryParam("name") String name) {
                                try {
                                    return Response.ok(Map.of("text", new String(files.read(name), StandardCharsets.UTF_8))).build();
                                } catch (PluginException e) {
                                    return refused(e);
                                }
                            }

                            private static Response refused(PluginException e) {
                                return Response.status(400).type("application/json")
                                        .entity(Map.of("code", e.code(), "message", String.valueOf(e.getMessage()))).build();
                            }
                        }
                        """.formatted(pkg(id)))
                .component(probe, endpoint(id, probe, """
                          <reference name="http" interface="org.aibase.api.http.OutboundHttp" field="http"/>
                          <reference name="files" interface="org.aibase.api.files.PluginFiles" field="files"/>
                        """));
    }

    /**
     * Tries to read what proves a caller's identity: {@code GET whoami} answers the Authorization,
     * CSRF and Cookie headers it sees and its injected {@code SecurityContext} (a per-request,
     * prototype-scoped resource); {@code GET properties} lists its request context's properties (the
     * request's attributes) with their values; {@code GET slow?tag=} answers after 1.5 s, so a test can have a
     * request in flight while the plugin is replaced. Its page ({@code ui/index.html}, {@code ui/app.js})
     * names the tag too.
     */
    static MisbehavingPlugin readsCredentials(String tag) {
        String id = "reads_credentials";
        String type = type(id, "Whoami");
        String properties = type(id, "Properties");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.container,jakarta.ws.rs.core,jakarta.ws.rs.ext")
                .source(type, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.HeaderParam;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        import jakarta.ws.rs.core.Context;
                        import jakarta.ws.rs.core.SecurityContext;
                        @Path("/")
                        public class Whoami {
                            @Context SecurityContext security;
                            @GET @Path("whoami") @Produces("text/plain")
                            public String whoami(@HeaderParam("Authorization") String authorization,
                                    @HeaderParam("X-CSRF-Token") String csrf, @HeaderParam("Cookie") String cookies) {
                                return "authorization=" + authorization + ";csrf=" + csrf + ";cookie=" + cookies
                                        + ";principal=" + (security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName())
                                        + ";admin=" + security.isUserInRole("admin") + ";user=" + security.isUserInRole("user")
                                        + ";scheme=" + security.getAuthenticationScheme();
                            }
                            @GET @Path("plant") @Produces("text/plain")
                            public jakarta.ws.rs.core.Response plant() {
                                // the console's session cookie, replaced by one the plugin's author knows, and a cookie of its own
                                return jakarta.ws.rs.core.Response.ok("planted")
                                        .cookie(new jakarta.ws.rs.core.NewCookie.Builder("aibase_session").value("known-to-the-author").path("/").build())
                                        .header("Set-Cookie", "aibase_session=; Path=/; Max-Age=0")
                                        .header("set-cookie", " aibase_session=again; Path=/")
                                        .cookie(new jakarta.ws.rs.core.NewCookie.Builder("theme").value("light").build())
                                        .build();
                            }
                            @GET @Path("slow") @Produces("text/plain")
                            public String slow() throws InterruptedException {
                                Thread.sleep(1500);
                                return "slow answer of %s";
                            }
                        }
                        """.formatted(pkg(id), tag))
                .component(type, endpoint(id, type, ""))
                .source(properties, """
                        package %s;
                        import jakarta.ws.rs.container.ContainerRequestContext;
                        import jakarta.ws.rs.container.ContainerRequestFilter;
                        import jakarta.ws.rs.container.PreMatching;
                        import jakarta.ws.rs.core.Response;
                        import jakarta.ws.rs.ext.Provider;
                        @Provider @PreMatching
                        public class Properties implements ContainerRequestFilter {
                            public void filter(ContainerRequestContext request) {
                                if (!request.getUriInfo().getPath().equals("properties")) {
                                    return;
                                }
                                request.setProperty("set.by.the.plugin", "its own");
                                StringBuilder seen = new StringBuilder();
                                for (String name : request.getPropertyNames()) {
                                    seen.append(name).append('=').append(request.getProperty(name)).append('\\n');
                                }
                                request.abortWith(Response.ok(seen.toString(), "text/plain").build());
                            }
                        }
                        """.formatted(pkg(id)))
                .component(properties, endpoint(id, properties, ""))
                .file("ui/index.html", "<!doctype html><title>whoami</title><p>page of %s</p>".formatted(tag))
                .file("ui/app.js", "console.log('whoami');");
    }

    // ---- configuration: a value the plugin's rule lets through but its activation refuses ----

    /**
     * {@code GET share} answers {@code 100 / divisor}; {@code divisor} is declared {@code {default: 2,
     * min: 0, max: 10}}, but activation refuses 0: the rule its author wrote is too loose, so only the
     * activation finds out.
     */
    static MisbehavingPlugin refusesZeroOnActivation() {
        String id = "picky";
        String type = type(id, "Share");
        return MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .yaml("defaults:\n  divisor: {default: 2, min: 0, max: 10}")
                .header("Import-Package", "jakarta.ws.rs")
                .source(type, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.Produces;
                        @Path("/")
                        public class Share {
                            private int divisor;
                            public void activate(java.util.Map<String, Object> properties) {
                                int divisor = ((Number) properties.get("divisor")).intValue();
                                if (divisor == 0) {
                                    throw new IllegalArgumentException("divisor must not be 0");
                                }
                                this.divisor = divisor;
                            }
                            @GET @Path("share") @Produces("text/plain")
                            public String share() {
                                return String.valueOf(100 / divisor);
                            }
                        }
                        """.formatted(pkg(id)))
                .component(type, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="%s"
                            configuration-pid="aibase.plugin.%s" activate="activate">
                          <property name="aibase.plugin.endpoint" type="String" value="%s"/>
                          <service scope="prototype"><provide interface="%s"/></service>
                          <implementation class="%s"/>
                        </scr:component>
                        """.formatted(type, id, id, type, type));
    }

    // ---- DS descriptions, written by hand in the form bnd writes them ----

    /** A plugin's resource as {@code @PluginEndpoint} describes it: prototype scope, {@code aibase.plugin.endpoint=<id>}. */
    static String endpoint(String id, String type, String references) {
        return component(type, """
                  <property name="aibase.plugin.endpoint" type="String" value="%s"/>
                  <service scope="prototype"><provide interface="%s"/></service>
                %s""".formatted(id, type, references));
    }

    static String component(String type, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="%s">
                %s  <implementation class="%s"/>
                </scr:component>
                """.formatted(type, body, type);
    }

    static String pkg(String id) {
        return "org.example.misbehaving." + id;
    }

    static String type(String id, String simpleName) {
        return pkg(id) + "." + simpleName;
    }
}
