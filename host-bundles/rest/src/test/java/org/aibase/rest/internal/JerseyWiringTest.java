package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.aibase.api.plugin.PluginState;
import org.aibase.rest.internal.host.Applications;
import org.aibase.sandbox.internal.PluginGovernor;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform application's extensions and resources in an in-process Jersey, as the HTTP host
 * assembles them: requests go through readers and mappers for real. (Authentication comes before any
 * application, in the host's servlet: see the runtime's integration tests.)
 */
class JerseyWiringTest {

    private static final String ADMIN = "Bearer admin-key";

    @TempDir
    Path staging;

    private ApplicationHandler jersey;
    private TaskRunner runner;
    private PluginGovernor governor;

    @BeforeEach
    void start() throws Exception {
        Gatekeeper gatekeeper = new Gatekeeper(java.time.Clock.systemUTC());
        gatekeeper.apply(ApiKeys.resolve(new String[] { "admin-key" }, new String[] { "user-key" }, null),
                Duration.ofMinutes(5));
        InMemoryPluginRegistry registry = new InMemoryPluginRegistry()
                .add(InMemoryPluginRegistry.record("hello", PluginState.ACTIVE, 7));
        InMemoryPluginConfigurations configurations = new InMemoryPluginConfigurations();
        configurations.defaults.put("hello", Map.of("greeting", "Hello"));
        governor = new PluginGovernor(2, Duration.ofSeconds(5));
        runner = new TaskRunner(governor);
        JarUploads uploads = new JarUploads(staging, 1024);
        jersey = new ApplicationHandler(Applications.platform("test")
                .register(new PluginsResource(registry, uploads, new PluginUsage(governor, ResourceLimitsOf.DECLARED)))
                .register(new PluginConfigResource(configurations))
                .register(new PluginTasksResource(registry, runner))
                .register(new SessionResource(gatekeeper)));
    }

    @AfterEach
    void stop() {
        runner.deactivate();
        governor.deactivate();
    }

    private Answer call(String method, String path, String authorization, String contentType, String body)
            throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/v1/"),
                URI.create("http://localhost/api/v1/" + path), method, null, new MapPropertiesDelegate(), null);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.setWriter(new CapturingWriter(out));
        ContainerResponse response = jersey.apply(request, out).get();
        return new Answer(response.getStatus(), out.toString(StandardCharsets.UTF_8),
                response.getHeaderString("Content-Type"));
    }

    record Answer(int status, String body, String contentType) {
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() throws Exception {
        Answer missing = call("GET", "no/such/path", ADMIN, null, null);
        assertEquals(404, missing.status());
        assertTrue(missing.body().startsWith("{\"error\":{\"code\":\"not_found\""), missing.body());
        Answer wrongMethod = call("PATCH", "plugins/hello/config", ADMIN, "application/json", "{}");
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.body().contains("method_not_allowed"), wrongMethod.body());
    }

    @Test
    void malformedJsonIs400NamingWhere() throws Exception {
        Answer answer = call("PUT", "plugins/hello/config", ADMIN, "application/json", "{\"greeting\": ");
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("malformed_json"), answer.body());
        assertTrue(answer.body().contains("\"line\":1"), answer.body());
        Answer array = call("PUT", "plugins/hello/config", ADMIN, "application/json", "[1]");
        assertEquals(400, array.status(), array.body());
        assertTrue(array.body().contains("invalid_json"), array.body());
        Answer empty = call("POST", "plugins/hello/tasks", ADMIN, "application/json", "");
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.body().contains("\"error\""), empty.body());
    }

    @Test
    void aPathSegmentWithParametersIsRefusedNotResolvedToAnotherName() throws Exception {
        Answer delete = call("DELETE", "plugins/hello;x=1", ADMIN, null, null);
        assertEquals(400, delete.status(), delete.body());
        assertTrue(delete.body().contains("\"code\":\"invalid_path\"") && delete.body().contains("hello;x=1"), delete.body());
        Answer config = call("GET", "plugins;v=2/hello/config", ADMIN, null, null);
        assertEquals(400, config.status(), config.body());
        Answer plain = call("GET", "plugins/hello/config", ADMIN, null, null);
        assertEquals(200, plain.status(), plain.body());
    }

    @Test
    void aNullInATaskConfigReachesTheTaskNotA500() throws Exception {
        Answer answer = call("POST", "plugins/hello/tasks", ADMIN, "application/json",
                "{\"type\":\"greet\",\"config\":{\"name\":null,\"nested\":{\"x\":null}}}");
        // hello in this registry has no Plugin service: the request itself was taken
        assertEquals(404, answer.status(), answer.body());
        assertTrue(answer.body().contains("no_task_handler"), answer.body());
    }

    @Test
    void wrongContentTypesAre415() throws Exception {
        Answer config = call("PUT", "plugins/hello/config", ADMIN, "text/plain", "greeting=Hi");
        assertEquals(415, config.status(), config.body());
        assertTrue(config.body().contains("unsupported_media_type"), config.body());
        Answer upload = call("POST", "plugins", ADMIN, "application/json", "{}");
        assertEquals(415, upload.status(), upload.body());
    }

    @Test
    void registryErrorsAndTypeErrorsAreJson() throws Exception {
        Answer ghost = call("GET", "plugins/ghost", ADMIN, null, null);
        assertEquals(404, ghost.status());
        assertTrue(ghost.contentType().startsWith("application/json"), ghost.contentType());
        Answer typeError = call("PUT", "plugins/hello/config", ADMIN, "application/json", "{\"greeting\": 5}");
        assertEquals(422, typeError.status(), typeError.body());
        assertTrue(typeError.body().contains("greeting"), typeError.body());
        Answer noHandler = call("POST", "plugins/hello/tasks", ADMIN, "application/json", "{\"type\":\"greet\"}");
        assertEquals(404, noHandler.status());
        assertTrue(noHandler.body().contains("no_task_handler"), noHandler.body());
    }

    @Test
    void signInWorksWithoutAKeyHeader() throws Exception {
        Answer answer = call("POST", "session", null, "application/json", "{\"key\":\"user-key\"}");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"role\":\"user\""), answer.body());
    }
}
