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
 * Plugins that use the LLM service, built the way bnd would build them: one REST resource whose
 * constructor takes the {@code LlmService}, compiled here against the API, with its DS component
 * description and manifest written by hand.
 */
final class LlmTestPlugins {

    /**
     * {@code GET /api/v1/<id>/ask?q=...}: the answer's content and tokens, or the LlmException as JSON;
     * {@code GET /api/v1/<id>/ask/later?q=...}: the name of the thread that ran what the plugin chained to
     * an asynchronous answer.
     */
    private static final String RESOURCE = """
            package org.example.%1$s;

            import java.util.Map;
            import java.util.concurrent.TimeUnit;

            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import jakarta.ws.rs.QueryParam;
            import jakarta.ws.rs.core.Response;

            import org.aibase.api.llm.ChatRequest;
            import org.aibase.api.llm.ChatResponse;
            import org.aibase.api.llm.LlmException;
            import org.aibase.api.llm.LlmService;

            @Path("ask")
            public final class AskResource {

                private final LlmService llm;

                public AskResource(LlmService llm) {
                    this.llm = llm;
                }

                @GET
                @Produces("application/json")
                public Response ask(@QueryParam("q") String question) {
                    try {
                        ChatResponse answer = llm.chat(ChatRequest.builder().model("gpt-4o-mini")
                                .system("You are a concise assistant for an online bookshop.")
                                .user(question).temperature(0.2).maxTokens(256).build());
                        return Response.ok(Map.of("content", answer.content(), "provider", answer.provider(),
                                "tokens", answer.usage().totalTokens())).build();
                    } catch (LlmException e) {
                        int status = e.kind() == LlmException.Kind.QUOTA_EXCEEDED ? 429 : 503;
                        return Response.status(status).type("application/json").entity(Map.of("error", Map.of(
                                "code", e.kind().name().toLowerCase(), "message", e.getMessage()))).build();
                    }
                }

                /** The same asynchronously: which thread ran what the plugin chained to the answer. */
                @GET
                @Path("later")
                @Produces("application/json")
                public Response later(@QueryParam("q") String question) throws Exception {
                    String thread = llm.chatAsync(ChatRequest.builder().model("gpt-4o-mini").user(question).build())
                            .thenApply(answer -> Thread.currentThread().getName())
                            .toCompletableFuture().get(20, TimeUnit.SECONDS);
                    return Response.ok(Map.of("callback_thread", thread)).build();
                }
            }
            """;

    private static final String COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.%1$s.AskResource" init="1">
              <property name="aibase.plugin.endpoint" type="String" value="%1$s"/>
              <service scope="prototype">
                <provide interface="org.example.%1$s.AskResource"/>
              </service>
              <reference name="llm" interface="org.aibase.api.llm.LlmService" parameter="0"/>
              <implementation class="org.example.%1$s.AskResource"/>
            </scr:component>
            """;

    private static final String DESCRIPTOR = """
            id: %1$s
            name: LLM test plugin %1$s
            version: 1.0.0
            description: Asks the LLM service what it is asked over HTTP.
            author: AI Base tests
            category: utility
            requires: {platform: ">=1.0.0"}
            security: %4$s
            permissions: [%2$s]
            %3$s
            """;

    private LlmTestPlugins() {
    }

    /**
     * Writes a plugin JAR with the given id, permissions (e.g. {@code http, llm}) and extra
     * descriptor lines (e.g. {@code limits: {llm_tokens_per_hour: 20}}).
     */
    static Path build(Path work, String id, String permissions, String descriptorExtra) throws IOException {
        return build(work, id, permissions, descriptorExtra, "sandbox");
    }

    /** The same at a security level, e.g. {@code isolated}: then it asks from a JVM of its own. */
    static Path build(Path work, String id, String permissions, String descriptorExtra, String security) throws IOException {
        Path sources = Files.createDirectories(work.resolve(id + "-src/org/example/" + id));
        Path classes = Files.createDirectories(work.resolve(id + "-classes"));
        Path source = Files.writeString(sources.resolve("AskResource.java"), RESOURCE.formatted(id));
        compile(source, classes);

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example." + id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "jakarta.ws.rs;version=\"[3.1,4)\",jakarta.ws.rs.core;version=\"[3.1,4)\","
                + "org.aibase.api.llm;version=\"[1.0,2)\"");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.5.0)(!(version>=2.0.0)))\"");
        main.putValue("Service-Component", "OSGI-INF/org.example." + id + ".AskResource.xml");
        main.putValue("AIBase-Plugin", "plugin.yaml");

        Path jar = work.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            put(zip, "plugin.yaml", DESCRIPTOR.formatted(id, permissions, descriptorExtra, security).getBytes(StandardCharsets.UTF_8));
            put(zip, "OSGI-INF/org.example." + id + ".AskResource.xml",
                    COMPONENT.formatted(id).getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    put(zip, classes.relativize(file).toString().replace(File.separatorChar, '/'), Files.readAllBytes(file));
                }
            }
        }
        return jar;
    }

    private static void compile(Path source, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(File.pathSeparator, jarOf(org.aibase.api.llm.LlmService.class),
                jarOf(jakarta.ws.rs.GET.class));
        int status = javac.run(null, null, null, "--release", "17", "-proc:none", "-classpath", classpath,
                "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new AssertionError("the test plugin does not compile: " + source);
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new JarEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
