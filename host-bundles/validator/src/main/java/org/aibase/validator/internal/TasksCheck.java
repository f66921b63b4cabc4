package org.aibase.validator.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.validator.Finding;
import org.aibase.validator.JsonSchemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Declared task names are task types callers send and tool names AI agents see: of the form
 * {@value TaskDeclaration#NAME_PATTERN} (no '-' or '.', which tool names reserve) and each declared once.
 * Their {@code input} and {@code output} schemas are JSON Schema 2020-12 objects ({@code type: object}
 * at the top, as AI agents' tool definitions need), with local references only, each at most
 * {@value #MAX_SCHEMA_BYTES} bytes as JSON.
 */
public final class TasksCheck extends DescriptorRule {

    private static final Pattern NAME = Pattern.compile(TaskDeclaration.NAME_PATTERN);
    private static final String ALLOWED = TaskDeclaration.NAME_PATTERN
            + ": 1 to 24 lower-case letters, digits or '_', starting with a letter";

    static final int MAX_SCHEMA_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        List<TaskDeclaration> tasks = descriptor.tasks();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            String name = tasks.get(i).name();
            String location = Locations.field("tasks[" + i + "].name");
            if (!NAME.matcher(name).matches()) {
                inspection.add(Finding.error(location, "'" + name + "' is not a task name", ALLOWED));
            } else if (!seen.add(name)) {
                inspection.add(Finding.error(location, "'" + name + "' is declared twice", "each task name once"));
            }
            schema(tasks.get(i).input(), "tasks[" + i + "].input", inspection);
            schema(tasks.get(i).output(), "tasks[" + i + "].output", inspection);
        }
    }

    private static void schema(Map<String, Object> schema, String field, Inspection inspection) {
        if (schema.isEmpty()) {
            return;
        }
        String location = Locations.field(field);
        String allowed = "a JSON Schema 2020-12 object schema, e.g. {type: object, properties: {name: {type: string}}}";
        int bytes;
        try {
            bytes = JSON.writeValueAsBytes(schema).length;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            inspection.add(Finding.error(location, "cannot be written as JSON", allowed));
            return;
        }
        if (bytes > MAX_SCHEMA_BYTES) {
            inspection.add(Finding.error(location, "is " + bytes + " bytes as JSON", "at most " + MAX_SCHEMA_BYTES + " bytes"));
            return;
        }
        if (!"object".equals(schema.get("type"))) {
            inspection.add(Finding.error(location, "has type '" + schema.get("type") + "' at the top, not object", allowed));
            return;
        }
        for (String problem : JsonSchemas.problemsOf(schema)) {
            inspection.add(Finding.error(location, "is not a JSON Schema: " + problem, allowed));
        }
    }
}
