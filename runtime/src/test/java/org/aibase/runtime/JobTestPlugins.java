package org.aibase.runtime;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin with {@code jobs} and {@code http}, compiled here against the API: two job handlers
 * ({@code slow}, not idempotent, and {@code redo}, idempotent) that step through their input,
 * reporting progress and printing a {@code JOB-RAN <id> <node> <attempt>} line per attempt, and
 * {@code POST /api/v1/<id>/submit?type=&count=&steps=&ms=} that submits jobs, and a {@code Plugin}
 * service whose task {@code step} ({@code {"steps","ms"}}) submits a {@code slow} job and answers its id.
 */
final class JobTestPlugins {

    private static final String HANDLER = """
            package org.example.%1$s;

            import org.aibase.api.jobs.JobContext;
            import org.aibase.api.jobs.JobHandler;

            public final class StepHandler implements JobHandler {

                @Override
                public String run(JobContext context) throws Exception {
                    System.out.println("JOB-RAN " + context.id() + " " + context.node() + " " + context.attempt());
                    String input = context.input();
                    int steps = number(input, "steps");
                    int ms = number(input, "ms");
                    for (int i = 1; i <= steps; i++) {
                        Thread.sleep(ms);
                        context.progress((double) i / steps, "step " + i + " of " + steps);
                    }
                    return "{\\"node\\":\\"" + context.node() + "\\",\\"steps\\":" + steps + "}";
                }

                private static int number(String json, String key) {
                    int at = json.indexOf("\\"" + key + "\\":");
                    int from = at + key.length() + 3;
                    int to = from;
                    while (to < json.length() && Character.isDigit(json.charAt(to))) {
                        to++;
                    }
                    return Integer.parseInt(json.substring(from, to));
                }
            }
            """;

    private static final String RESOURCE = """
            package org.example.%1$s;

            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;

            import jakarta.ws.rs.DefaultValue;
            import jakarta.ws.rs.POST;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import jakarta.ws.rs.QueryParam;
            import jakarta.ws.rs.core.Response;

            import org.aibase.api.jobs.JobException;
            import org.aibase.api.jobs.JobService;

            @Path("submit")
            public final class SubmitResource {

                private final JobService jobs;

                public SubmitResource(JobService jobs) {
                    this.jobs = jobs;
                }

                @POST
                @Produces("application/json")
                public Response submit(@QueryParam("type") String type, @QueryParam("count") @DefaultValue("1") int count,
                        @QueryParam("steps") @DefaultValue("3") int steps, @QueryParam("ms") @DefaultValue("100") int ms,
                        @QueryParam("pad") @DefaultValue("0") int pad) {
                    try {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            String input = "{\\"steps\\":" + steps + ",\\"ms\\":" + ms + ",\\"pad\\":\\"" + "x".repeat(pad) + "\\"}";
                            ids.add(jobs.submit(type, type + " " + i, input));
                        }
                        return Response.ok(Map.of("ids", ids)).build();
                    } catch (JobException e) {
                        int status = e.code().equals(JobException.INPUT_TOO_LARGE) ? 413 : 422;
                        return Response.status(status).type("application/json").entity(Map.of("error",
                                Map.of("code", e.code(), "message", e.getMessage()))).build();
                    }
                }
            }
            """;

    private static final String TASKS = """
            package org.example.%1$s;

            import java.util.Map;

            import org.aibase.api.jobs.JobService;
            import org.aibase.api.plugin.Plugin;
            import org.aibase.api.plugin.TaskRequest;
            import org.aibase.api.plugin.TaskResult;

            public final class StepTasks implements Plugin {

                private final JobService jobs;

                public StepTasks(JobService jobs) {
                    this.jobs = jobs;
                }

                @Override
                public TaskResult execute(TaskRequest request) {
                    Object steps = request.config().getOrDefault("steps", 3);
                    Object ms = request.config().getOrDefault("ms", 100);
                    String id = jobs.submit("slow", "stepped by a task", "{\\"steps\\":" + steps + ",\\"ms\\":" + ms + "}");
                    return TaskResult.submitted(id, Map.of("name", "stepped by a task"));
                }
            }
            """;

    private static final String TASKS_COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.%1$s.StepTasks" init="1">
              <service>
                <provide interface="org.aibase.api.plugin.Plugin"/>
              </service>
              <reference name="jobs" interface="org.aibase.api.jobs.JobService" parameter="0"/>
              <implementation class="org.example.%1$s.StepTasks"/>
            </scr:component>
            """;

    private static final String HANDLER_COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.%1$s.%2$s" immediate="true">
              <property name="aibase.job.type" type="String" value="%2$s"/>
              <property name="aibase.job.idempotent" type="Boolean" value="%3$s"/>
              <service>
                <provide interface="org.aibase.api.jobs.JobHandler"/>
              </service>
              <implementation class="org.example.%1$s.StepHandler"/>
            </scr:component>
            """;

    private static final String RESOURCE_COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.%1$s.SubmitResource" init="1">
              <property name="aibase.plugin.endpoint" type="String" value="%1$s"/>
              <service scope="prototype">
                <provide interface="org.example.%1$s.SubmitResource"/>
              </service>
              <reference name="jobs" interface="org.aibase.api.jobs.JobService" parameter="0"/>
              <implementation class="org.example.%1$s.SubmitResource"/>
            </scr:component>
            """;

    private static final String DESCRIPTOR = """
            id: %1$s
            name: Job test plugin %1$s
            version: 1.0.0
            description: Runs stepping jobs and submits them over HTTP.
            author: AI Base tests
            category: utility
            requires: {platform: ">=1.0.0"}
            security: %3$s
            permissions: [http, jobs]
            %2$s
            """;

    private JobTestPlugins() {
    }

    /** Writes the plugin JAR with the given id and extra descriptor lines (e.g. {@code limits: {jobs: 3}}). */
    static Path build(Path work, String id, String descriptorExtra) throws IOException {
        return build(work, id, descriptorExtra, "sandbox");
    }

    /** The same plugin at a security level, {@code sandbox} or {@code isolated} (in a JVM of its own). */
    static Path build(Path work, String id, String descriptorExtra, String security) throws IOException {
        Path sources = Files.createDirectories(work.resolve(id + "-src/org/example/" + id));
        Path classes = Files.createDirectories(work.resolve(id + "-classes"));
        compile(classes, Files.writeString(sources.resolve("StepHandler.java"), HANDLER.formatted(id)),
                Files.writeString(sources.resolve("SubmitResource.java"), RESOURCE.formatted(id)),
                Files.writeString(sources.resolve("StepTasks.java"), TASKS.formatted(id)));

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example." + id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "jakarta.ws.rs;version=\"[3.1,4)\",jakarta.ws.rs.core;version=\"[3.1,4)\","
                + "org.aibase.api.jobs;version=\"[1.0,2)\",org.aibase.api.plugin;version=\"[1.3,2)\"");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.5.0)(!(version>=2.0.0)))\"");
        main.putValue("Service-Component", "OSGI-INF/org.example." + id + ".slow.xml,OSGI-INF/org.example." + id
                + ".redo.xml,OSGI-INF/org.example." + id + ".SubmitResource.xml,OSGI-INF/org.example." + id + ".StepTasks.xml");
        main.putValue("AIBase-Plugin", "plugin.yaml");

        Path jar = work.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            put(zip, "plugin.yaml", DESCRIPTOR.formatted(id, descriptorExtra, security));
            put(zip, "OSGI-INF/org.example." + id + ".slow.xml", HANDLER_COMPONENT.formatted(id, "slow", "false"));
            put(zip, "OSGI-INF/org.example." + id + ".redo.xml", HANDLER_COMPONENT.formatted(id, "redo", "true"));
            put(zip, "OSGI-INF/org.example." + id + ".SubmitResource.xml", RESOURCE_COMPONENT.formatted(id));
            put(zip, "OSGI-INF/org.example." + id + ".StepTasks.xml", TASKS_COMPONENT.formatted(id));
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }

    private static void compile(Path classes, Path... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // the API is one JAR: jobs and plugin packages alike
        String classpath = String.join(File.pathSeparator, jarOf(org.aibase.api.jobs.JobService.class),
                jarOf(jakarta.ws.rs.GET.class));
        String[] args = Stream.concat(Stream.of("--release", "17", "-proc:none", "-classpath", classpath, "-d",
                classes.toString()), Stream.of(sources).map(Path::toString)).toArray(String[]::new);
        if (javac.run(null, null, null, args) != 0) {
            throw new AssertionError("the test plugin does not compile");
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new JarEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
