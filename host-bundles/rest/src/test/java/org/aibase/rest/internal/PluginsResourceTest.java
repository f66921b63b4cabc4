package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.RegistryException;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.aibase.sandbox.internal.PluginGovernor;

class PluginsResourceTest {

    private static final String JAR = "application/java-archive";

    @TempDir
    Path staging;

    private final InMemoryPluginRegistry registry = new InMemoryPluginRegistry();

    private final PluginGovernor governor = new PluginGovernor(1, java.time.Duration.ofSeconds(5));

    @org.junit.jupiter.api.AfterEach
    void stopGovernor() {
        governor.deactivate();
    }

    private PluginsResource resource(long maxBytes) throws IOException {
        return new PluginsResource(registry, new JarUploads(staging, maxBytes),
                new PluginUsage(governor, ResourceLimitsOf.DECLARED));
    }

    private static InputStream bytes(int size) {
        return new ByteArrayInputStream(new byte[size]);
    }

    private long staged() throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            return files.count();
        }
    }

    @Test
    void anUploadIsValidatedInstalledAndAnswered201() throws IOException {
        Response response = resource(1024).upload(null, JAR, "100", bytes(100));
        assertEquals(201, response.getStatus());
        assertEquals("/api/v1/plugins/hello", response.getLocation().getPath());
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) response.getEntity();
        assertEquals("hello", record.get("id"));
        assertEquals("active", record.get("state"));
        assertEquals(List.of("hello.jar"), registry.installedFiles, "named after the id by default");
        assertEquals(0, staged());
    }

    @Test
    void theFileNameCanBeGiven() throws IOException {
        resource(1024).upload("hello-2.jar".replace('-', '_'), "application/octet-stream; q=1", null, bytes(10));
        assertEquals(List.of("hello_2.jar"), registry.installedFiles);
        ApiException e = assertThrows(ApiException.class,
                () -> resource(1024).upload("../evil.jar", JAR, null, bytes(10)));
        assertEquals("file", e.details().get("parameter"));
    }

    @Test
    void anotherContentTypeIs415() throws IOException {
        PluginsResource resource = resource(1024);
        ApiException e = assertThrows(ApiException.class, () -> resource.upload(null, "application/json", null, bytes(10)));
        assertEquals(415, e.status());
        assertEquals("unsupported_media_type", e.code());
        assertEquals(415, assertThrows(ApiException.class, () -> resource.upload(null, null, null, bytes(10))).status());
    }

    @Test
    void anOversizedUploadIs413NamingTheLimitAndLeavesNothing() throws IOException {
        PluginsResource resource = resource(1024);
        ApiException streamed = assertThrows(ApiException.class, () -> resource.upload(null, JAR, null, bytes(5000)));
        assertEquals(413, streamed.status());
        assertEquals(1024L, streamed.details().get("limit_bytes"));
        assertTrue(streamed.getMessage().contains("1024 bytes"), streamed.getMessage());
        ApiException declared = assertThrows(ApiException.class, () -> resource.upload(null, JAR, "5000", bytes(1)));
        assertEquals(413, declared.status());
        assertEquals(0, staged());
        assertTrue(registry.installedFiles.isEmpty());
    }

    @Test
    void theLimitIsNamedInMiB() {
        assertEquals("64 MiB", JarUploads.describe(64L * 1024 * 1024));
    }

    @Test
    void anEmptyBodyIs400() throws IOException {
        assertEquals("empty_body",
                assertThrows(ApiException.class, () -> resource(1024).upload(null, JAR, null, bytes(0))).code());
    }

    @Test
    void anInvalidJarIs422WithTheReport() throws IOException {
        ValidationReport invalid = new ValidationReport("x.jar", Optional.empty(),
                List.of(Finding.error("plugin.yaml", "missing", "")));
        registry.validator = jar -> invalid;
        RegistryException e = assertThrows(RegistryException.class,
                () -> resource(1024).upload(null, JAR, null, bytes(10)));
        assertEquals(RegistryException.Kind.INVALID, e.kind());
        assertEquals(Optional.of(invalid), e.report());
        Map<String, Object> error = ErrorBodies.error(new RegistryExceptionMapper().toResponse(e), 422, "invalid");
        assertEquals(false, ((Map<?, ?>) ErrorBodies.details(error).get("report")).get("valid"));
        assertEquals(0, staged(), "a refused upload leaves nothing staged");
        assertTrue(registry.installedFiles.isEmpty());
    }

    @Test
    void validateAnswersTheReportValidOrNot() throws IOException {
        ValidationResource validation = new ValidationResource(registry, new JarUploads(staging, 1024));
        assertEquals(true, validation.validate(JAR, null, bytes(10)).get("valid"));
        registry.validator = jar -> new ValidationReport("x.jar", Optional.empty(),
                List.of(Finding.error("plugin.yaml", "missing", "")));
        assertEquals(false, validation.validate(JAR, null, bytes(10)).get("valid"));
        assertEquals(415, assertThrows(ApiException.class, () -> validation.validate("text/plain", null, bytes(1)))
                .status());
        assertEquals(0, staged());
    }

    @Test
    void listFiltersByCapabilityCategoryAndState() throws IOException {
        registry.add(InMemoryPluginRegistry.record("alpha", PluginState.ACTIVE, 1))
                .add(InMemoryPluginRegistry.record("beta", PluginState.STOPPED, 2));
        PluginsResource resource = resource(1024);
        assertEquals(2, resource.list(null, null, null).get("total"));
        assertEquals(1, resource.list(null, null, "stopped").get("total"));
        assertEquals(2, resource.list(null, "utility", null).get("total"));
        assertEquals(0, resource.list("data_analysis", null, null).get("total"));
        assertEquals("state", assertThrows(ApiException.class, () -> resource.list(null, null, "ACTIVE"))
                .details().get("parameter"));
        assertEquals("category", assertThrows(ApiException.class, () -> resource.list(null, "toys", null))
                .details().get("parameter"));
    }

    @Test
    void lifecycleOperationsAnswerTheRecord() throws IOException {
        registry.add(InMemoryPluginRegistry.record("alpha", PluginState.ACTIVE, 1));
        PluginsResource resource = resource(1024);
        assertEquals("stopped", resource.stop("alpha").get("state"));
        assertEquals("active", resource.start("alpha").get("state"));
        Map<String, Object> usage = resource.usage("alpha");
        assertEquals("alpha", usage.get("id"));
        assertEquals("active", usage.get("state"));
        assertEquals(0L, ((Number) usage.get("requests")).longValue(), "nothing served yet");
        assertEquals(204, resource.uninstall("alpha").getStatus());
        assertFalse(registry.plugin("alpha").isPresent());
        assertEquals(RegistryException.Kind.NOT_FOUND,
                assertThrows(RegistryException.class, () -> resource.plugin("alpha")).kind());
    }

    @Test
    void anOperatorsQuarantineIsPinnedUnlessToldOtherwiseAndUsageSaysWhenItLifts() throws IOException {
        registry.add(InMemoryPluginRegistry.record("alpha", PluginState.ACTIVE, 1));
        PluginsResource resource = resource(1024);

        Map<String, Object> pinned = resource.quarantine("alpha", "");
        assertEquals("quarantined", pinned.get("state"));
        assertEquals("quarantined by an operator", pinned.get("reason"));
        assertEquals(true, ((Map<?, ?>) pinned.get("quarantine")).get("pinned"));

        Map<String, Object> lifting = resource.quarantine("alpha", "{\"reason\": \"noisy\", \"pin\": false}");
        assertEquals("noisy", lifting.get("reason"));
        Map<String, Object> usage = resource.usage("alpha");
        assertEquals("quarantined", usage.get("state"));
        assertEquals("noisy", usage.get("reason"));
        Object liftsAt = ((Map<?, ?>) usage.get("quarantine")).get("lifts_at");
        assertEquals(registry.plugin("alpha").orElseThrow().quarantine().orElseThrow().liftsAt().orElseThrow().toString(),
                liftsAt);
    }

    @Test
    void aQuarantineBodyIsCheckedNamingTheField() throws IOException {
        registry.add(InMemoryPluginRegistry.record("alpha", PluginState.ACTIVE, 1));
        PluginsResource resource = resource(1024);

        ApiException pin = assertThrows(ApiException.class, () -> resource.quarantine("alpha", "{\"pin\": \"yes\"}"));
        assertEquals("pin", pin.details().get("parameter"));
        assertTrue(pin.getMessage().contains("must be true"), pin.getMessage());
        ApiException unknown = assertThrows(ApiException.class, () -> resource.quarantine("alpha", "{\"until\": \"1h\"}"));
        assertEquals("until", unknown.details().get("parameter"));
        assertTrue(unknown.getMessage().contains("allowed: pin, reason"), unknown.getMessage());
        assertEquals("reason", assertThrows(ApiException.class,
                () -> resource.quarantine("alpha", "{\"reason\": 42}")).details().get("parameter"));
        assertEquals("body", assertThrows(ApiException.class,
                () -> resource.quarantine("alpha", "[1]")).details().get("parameter"));
        assertEquals(RegistryException.Kind.NOT_FOUND,
                assertThrows(RegistryException.class, () -> resource.quarantine("nobody", "")).kind());
        assertEquals("active", registry.plugin("alpha").orElseThrow().state().id(), "nothing was quarantined");
    }
}
