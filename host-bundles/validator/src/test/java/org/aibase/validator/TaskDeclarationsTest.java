package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.TaskDeclaration;
import org.junit.jupiter.api.Test;

/** {@code tasks:} in plugin.yaml: read into the descriptor with their roles, and every malformed declaration refused. */
class TaskDeclarationsTest extends RuleTestSupport {

    private static final String HANDLER = "<service><provide interface=\"org.aibase.api.plugin.Plugin\"/></service>\n";
    private static final String NAME_FORM = "[a-z][a-z0-9_]{0,23}: 1 to 24 lower-case letters, digits or '_', starting with a letter";

    @Test
    void readsTasksInOrderWithTheirRoles() throws IOException {
        ValidationReport report = validate(TestJar.withComponent(BASE + """
                tasks:
                  - name: greet
                    description: Greets someone by name
                  - {name: purge, description: Removes every greeting, role: admin}
                  - name: x1
                """, "", HANDLER));
        assertTrue(report.valid(), report.toString());
        assertEquals(List.of(new TaskDeclaration("greet", "Greets someone by name", CallerRole.USER),
                new TaskDeclaration("purge", "Removes every greeting", CallerRole.ADMIN),
                new TaskDeclaration("x1", "", CallerRole.USER)), report.descriptor().orElseThrow().tasks());
    }

    @Test
    void refusesANameThatIsNoTaskTypeOrIsDeclaredTwice() throws IOException {
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet-all}]\n", "", HANDLER)), "plugin.yaml/tasks[0].name",
                "'greet-all' is not a task name", NAME_FORM);
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: a23456789012345678901234x}]\n", "", HANDLER)), "plugin.yaml/tasks[0].name",
                "'a23456789012345678901234x' is not a task name", NAME_FORM);
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet}, {name: echo}, {name: greet}]\n", "", HANDLER)), "plugin.yaml/tasks[2].name",
                "'greet' is declared twice", "each task name once");
    }

    @Test
    void refusesAnUnknownRoleNamingTheRoles() throws IOException {
        assertOnlyError(validate(BASE + "tasks: [{name: purge, role: root}]\n"), "plugin.yaml/tasks[0].role",
                "'root' is not a role", "user, admin");
    }

    @Test
    void refusesTasksOfTheWrongShape() throws IOException {
        String shape = "a list of mappings such as {name: greet, description: ..., role: user}";
        assertOnlyError(validate(BASE + "tasks: {greet: {}}\n"), "plugin.yaml/tasks", "is a mapping, not a list", shape);
        assertOnlyError(validate(BASE + "tasks: [greet]\n"), "plugin.yaml/tasks", "element 1 is text, not a mapping", shape);
        assertOnlyError(validate(BASE + "tasks: [{description: nameless}]\n"), "plugin.yaml/tasks[0].name", "is missing",
                "the task type, e.g. greet");
        assertOnlyError(validate(BASE + "tasks: [{name: [a, b]}]\n"), "plugin.yaml/tasks[0].name", "is a list, not a single value",
                "text");
    }

    @Test
    void refusesTasksWithoutAComponentThatRunsThem() throws IOException {
        assertOnlyError(validate(BASE + "tasks: [{name: greet}]\n"), "plugin.yaml/tasks",
                "declares tasks, but no component provides the org.aibase.api.plugin.Plugin service that runs them",
                "a component with @Component(service = Plugin.class), or no tasks");
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet}]\n", "",
                "<service><provide interface=\"org.example.Other\"/></service>\n")), "plugin.yaml/tasks",
                "declares tasks, but no component provides the org.aibase.api.plugin.Plugin service that runs them",
                "a component with @Component(service = Plugin.class), or no tasks");
    }

    @Test
    void readsInputAndOutputSchemasAndHints() throws IOException {
        ValidationReport report = validate(TestJar.withComponent(BASE + """
                tasks:
                  - name: greet
                    input:
                      type: object
                      properties:
                        name: {type: string, minLength: 1}
                      required: [name]
                    output: {type: object, properties: {message: {type: string}}}
                    read_only: true
                    idempotent: true
                """, "", HANDLER));
        assertTrue(report.valid(), report.toString());
        TaskDeclaration greet = report.descriptor().orElseThrow().tasks().get(0);
        assertEquals(List.of("name"), greet.input().get("required"));
        assertEquals("object", greet.output().get("type"));
        assertEquals(new TaskDeclaration.Hints(Optional.of(true), Optional.empty(), Optional.of(true)), greet.hints());
    }

    @Test
    void refusesASchemaThatIsNoObjectSchemaOrNoJsonSchema() throws IOException {
        String allowed = "a JSON Schema 2020-12 object schema, e.g. {type: object, properties: {name: {type: string}}}";
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet, input: {type: string}}]\n", "", HANDLER)),
                "plugin.yaml/tasks[0].input", "has type 'string' at the top, not object", allowed);
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet, input: [a]}]\n", "", HANDLER)),
                "plugin.yaml/tasks[0].input", "is a list, not a JSON Schema object",
                "a mapping such as {type: object, properties: {name: {type: string}}}");
        ValidationReport wrongKeyword = validate(TestJar.withComponent(BASE
                + "tasks: [{name: greet, input: {type: object, properties: {n: {type: strin}}}}]\n", "", HANDLER));
        assertTrue(wrongKeyword.findings().stream().anyMatch(f -> f.location().equals("plugin.yaml/tasks[0].input")
                && f.message().startsWith("is not a JSON Schema: schema.properties.n.type")), wrongKeyword.toString());
        ValidationReport remote = validate(TestJar.withComponent(BASE
                + "tasks: [{name: greet, output: {type: object, properties: {n: {$ref: 'http://evil.example/s.json'}}}}]\n",
                "", HANDLER));
        assertTrue(remote.findings().stream().anyMatch(f -> f.location().equals("plugin.yaml/tasks[0].output")
                && f.message().contains("only references within the schema (#/...) are allowed")), remote.toString());
        String big = "{type: object, properties: {" + String.join(", ", java.util.stream.IntStream.range(0, 1000)
                .mapToObj(i -> "p" + i + ": {type: string}").toList()) + "}}";
        ValidationReport tooBig = validate(TestJar.withComponent(BASE + "tasks: [{name: greet, input: " + big + "}]\n", "",
                HANDLER));
        assertTrue(tooBig.findings().stream().anyMatch(f -> f.location().equals("plugin.yaml/tasks[0].input")
                && f.message().matches("is \\d{5} bytes as JSON") && f.allowed().equals("at most 16384 bytes")), tooBig.toString());
        assertOnlyError(validate(TestJar.withComponent(BASE + "tasks: [{name: greet, read_only: yes please}]\n", "", HANDLER)),
                "plugin.yaml/tasks[0].read_only", "is text, not true or false", "true or false");
    }

    @Test
    void anInstanceIsCheckedAgainstADeclaredSchemaNamingTheField() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string",
                "maxLength", 3), "tags", Map.of("type", "array", "items", Map.of("type", "integer"))),
                "required", List.of("name"), "additionalProperties", false);
        assertEquals(List.of(), JsonSchemas.check(schema, Map.of("name", "Ada"), "config"));
        assertEquals(List.of("config.name"), JsonSchemas.check(schema, Map.of(), "config").stream()
                .map(JsonSchemas.Problem::field).toList());
        assertEquals(List.of("config.tags[1]"), JsonSchemas.check(schema, Map.of("name", "Ada", "tags", List.of(1, "x")),
                "config").stream().map(JsonSchemas.Problem::field).toList());
        assertEquals(List.of("config.name"), JsonSchemas.check(schema, Map.of("name", "Adam"), "config").stream()
                .map(JsonSchemas.Problem::field).toList());
        assertEquals(List.of("config.nme"), JsonSchemas.check(schema, Map.of("name", "Ada", "nme", 1), "config").stream()
                .map(JsonSchemas.Problem::field).toList());
    }

    @Test
    void warnsAboutAnUnknownPartOfADeclaration() throws IOException {
        ValidationReport report = validate(TestJar.withComponent(BASE + "tasks: [{name: greet, rol: admin}]\n", "", HANDLER));
        assertTrue(report.valid(), "a warning, not an error: " + report);
        assertTrue(report.findings().stream().anyMatch(f -> f.location().equals("plugin.yaml/tasks[0].rol")
                && f.message().equals("is not a known field and is ignored")), report.toString());
    }
}
