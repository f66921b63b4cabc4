package org.aibase.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.deployer.RegistryException;
import org.aibase.validator.ValidationReport;

/**
 * What the page's buttons do, through the registry exactly as the HTTP API does: start, stop,
 * uninstall, upload (validated, a refused JAR answers with its full report) and configuration
 * updates (type-checked against the declared defaults). Answers are JSON for the page's script.
 */
final class ConsoleActions {

    /** A JSON answer with its status. */
    record Answer(int status, Map<String, Object> body) {
    }

    private final PluginRegistry registry;
    private final PluginConfigurations configurations;
    private final JarStaging staging;
    private final ObjectMapper json;

    ConsoleActions(PluginRegistry registry, PluginConfigurations configurations, JarStaging staging, ObjectMapper json) {
        this.registry = registry;
        this.configurations = configurations;
        this.staging = staging;
        this.json = json;
    }

    Answer start(String id) {
        return plugin(200, registry.start(id));
    }

    Answer stop(String id) {
        return plugin(200, registry.stop(id));
    }

    Answer uninstall(String id) {
        registry.uninstall(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uninstalled", id);
        return new Answer(200, body);
    }

    /** Validates and installs an uploaded JAR under its id's file name, as {@code POST /api/v1/plugins} does. */
    Answer upload(String uploadedName, String contentType, long length, InputStream body) throws IOException {
        try (JarStaging.StagedJar jar = staging.stage(uploadedName, contentType, length, body)) {
            ValidationReport report = registry.validate(jar.path());
            String fileName = report.descriptor().filter(d -> report.valid()).map(d -> d.id() + ".jar")
                    .orElseThrow(() -> new RegistryException(RegistryException.Kind.INVALID,
                            "The plugin is refused: " + report.verdict(), report));
            return plugin(201, registry.install(fileName, jar.path()));
        }
    }

    /** Merges the JSON object into the plugin's configuration; {@code null} restores a default. */
    Answer configure(String id, InputStream body) throws IOException {
        Map<String, Object> values;
        try {
            values = json.readValue(body, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new ActionException(400, "invalid_json", "The body must be a JSON object of the keys to set: "
                    + e.getOriginalMessage(), Map.of("field", "body"));
        }
        if (values == null) {
            throw new ActionException(400, "empty_body", "Send a JSON object of the keys to set", Map.of("field", "body"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        try {
            answer.put("config", configurations.update(id, values));
        } catch (PluginConfigurationException e) {
            int status = e.kind() == PluginConfigurationException.Kind.NOT_FOUND ? 404 : 422;
            throw new ActionException(status, e.kind().name().toLowerCase(java.util.Locale.ROOT), e.getMessage(), Map.of());
        }
        return new Answer(200, answer);
    }

    /** The error answer of a registry refusal: its kind as the status, with the report when there is one. */
    static Answer refused(RegistryException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case UNAVAILABLE -> 503;
        };
        String code = e.kind().name().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        e.report().ifPresent(report -> details.put("report", report.toMap()));
        return new Answer(status, new ActionException(status, code, e.getMessage(), details).body());
    }

    private static Answer plugin(int status, PluginRecord record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", record.id().orElse(null));
        body.put("file", record.file());
        body.put("state", record.state().id());
        body.put("reason", record.reason().orElse(null));
        return new Answer(status, body);
    }
}
