package org.aibase.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.guide.GuideBlocks.Block;
import org.aibase.validator.DescriptorReader;
import org.aibase.validator.Finding;
import org.aibase.validator.PluginValidator;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The plugin guide's code is real: every ```java block compiles against what a plugin compiles
 * against (and the test kit), the plugin code among them passes the validator's API allow-list, and
 * every ```yaml block parses, those that are plugin.yaml (or a part of one) passing the validator with
 * no finding at all, and the blocks together are one plugin project. A failure names the guide's line.
 */
class PluginGuideTest {

    /** The fence languages the guide may use; only java and yaml are checked, the others are shown as they are. */
    private static final Set<String> LANGUAGES = Set.of("java", "yaml", "text", "sh", "xml", "json", "properties", "html", "js");

    /** What the validator accepts at the top of a plugin.yaml. */
    private static final Set<String> DESCRIPTOR_FIELDS = Set.copyOf(org.aibase.validator.internal.DescriptorContent.FIELDS);

    private static Path guide;
    private static List<Block> blocks;

    @TempDir
    Path work;

    @BeforeAll
    static void readGuide() throws IOException {
        guide = Path.of(System.getProperty("aibase.guide", "../../docs/plugin-guide.md")).toAbsolutePath().normalize();
        blocks = GuideBlocks.read(guide);
    }

    @Test
    void everyBlockNamesALanguage() {
        List<String> problems = blocks.stream().filter(b -> !LANGUAGES.contains(b.language()))
                .map(b -> b.where(guide) + ": fence language '" + b.language() + "' (allowed: " + String.join(", ",
                        LANGUAGES.stream().sorted().toList()) + "; java and yaml are checked)")
                .toList();
        assertNoProblems(problems);
    }

    @Test
    void everyJavaBlockCompilesAndItsPluginCodePassesTheAllowList() throws IOException {
        List<Block> java = blocks.stream().filter(b -> b.language().equals("java")).toList();
        assertFalse(java.isEmpty(), "the guide has no java block");
        Path classes = Files.createDirectories(work.resolve("classes"));

        assertNoProblems(new BlockCompiler(guide).compile(java, classes));

        TestPluginJar jar = new TestPluginJar("guide", "1.0.0",
                "id: guide\nversion: 1.0.0\npermissions: [http, llm, storage, jobs]\n");
        for (Path type : BlockCompiler.pluginClasses(classes, java)) {
            jar.entry(type.toString().replace('\\', '/'), Files.readAllBytes(classes.resolve(type)));
        }
        ValidationReport report = new PluginValidator().validate(jar.writeTo(work.resolve("guide.jar")));
        assertNoProblems(report.findings().stream().filter(f -> f.location().endsWith(".class"))
                .map(f -> BlockCompiler.declaring(f.location(), java).map(b -> b.where(guide)).orElse(guide.getFileName().toString())
                        + ": " + f.describe())
                .toList());
    }

    @Test
    void everyYamlBlockParsesAndEveryDescriptorIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        int descriptors = 0;
        for (Block block : blocks) {
            if (!block.language().equals("yaml")) {
                continue;
            }
            Object document;
            try {
                document = new Yaml(new SafeConstructor(new LoaderOptions())).load(block.code());
            } catch (YAMLException e) {
                problems.add(block.where(guide) + ": not YAML: " + e.getMessage().replaceAll("\\s+", " "));
                continue;
            }
            if (document instanceof Map<?, ?> fields && DESCRIPTOR_FIELDS.containsAll(fields.keySet())) {
                descriptors++;
                problems.addAll(validateDescriptor(block, fields));
            }
        }
        assertNoProblems(problems);
        assertTrue(descriptors > 0, "the guide shows no plugin.yaml");
    }

    /**
     * The blocks are one plugin: a single complete plugin.yaml whose id every {@code @PluginEndpoint}
     * and configuration PID names, and whose pages the guide's files provide. The project is written
     * into a temporary folder, or into the folder {@code -Daibase.guide.project=DIR} names, where
     * {@code mvn verify} builds, validates and tests it on the real runtime.
     */
    @Test
    void theBlocksAreOnePluginProject() throws IOException {
        List<Block> descriptors = new ArrayList<>();
        for (Block block : blocks) {
            if (block.language().equals("yaml") && block.code().startsWith("id: ")) {
                descriptors.add(block);
            }
        }
        assertEquals(1, descriptors.size(), "the guide's complete plugin.yaml blocks (one expected): "
                + descriptors.stream().map(b -> b.where(guide)).toList());
        Block descriptor = descriptors.get(0);
        Map<?, ?> fields = new Yaml(new SafeConstructor(new LoaderOptions())).load(descriptor.code());
        String id = (String) fields.get("id");

        List<String> problems = new ArrayList<>();
        Pattern names = Pattern.compile(
                "@PluginEndpoint\\(\"(\\w+)\"\\)|configurationPid = \"aibase\\.plugin\\.(\\w+)\"");
        for (Block block : blocks) {
            Matcher m = names.matcher(block.code());
            while (block.language().equals("java") && m.find()) {
                String named = m.group(1) != null ? m.group(1) : m.group(2);
                if (!named.equals(id)) {
                    problems.add(block.where(guide) + ": " + m.group() + " names another plugin than plugin.yaml's id '"
                            + id + "' (" + descriptor.where(guide) + ")");
                }
            }
        }
        String target = System.getProperty("aibase.guide.project", "");
        Path project = target.isBlank() ? work.resolve("project") : Path.of(target);
        List<String> written = GuideProject.write(blocks, fields, descriptor.code(),
                System.getProperty("aibase.version", "1.0.0-SNAPSHOT"), project);
        if (fields.get("ui") instanceof List<?> pages) {
            for (Object page : pages) {
                String path = String.valueOf(((Map<?, ?>) page).get("path"));
                String entry = "src/main/resources/" + (path.equals("/ui/") ? "ui/index.html" : path.substring(1));
                if (!written.contains(entry)) {
                    problems.add(descriptor.where(guide) + ": the page " + path + " has no block writing " + entry
                            + " (its first line a comment naming the file)");
                }
            }
        }
        assertNoProblems(problems);
    }

    /**
     * Validates a descriptor, or a part of one (an {@code id} and {@code version} are added when the
     * block has none), in a JAR that holds what its declarations need: a resource for {@code http}, a
     * {@code Plugin} service for {@code tasks}, the files its {@code ui} pages name.
     */
    private List<String> validateDescriptor(Block block, Map<?, ?> fields) throws IOException {
        String text = block.code();
        String id = fields.get("id") instanceof String s ? s : "guide";
        String version = fields.get("version") instanceof String s ? s : "1.0.0";
        if (!fields.containsKey("id")) {
            text = "id: " + id + "\nversion: " + version + "\n" + text;
        }
        PluginDescriptor descriptor = new DescriptorReader()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .descriptor().orElse(null);
        TestPluginJar jar = new TestPluginJar(id, version, text);
        if (descriptor != null) {
            if (descriptor.hasPermission(Permission.HTTP)) {
                jar.component("org.example.guide.Resource", "org.example.guide.Resource", "aibase.plugin.endpoint", id);
            }
            if (!descriptor.tasks().isEmpty()) {
                jar.component("org.example.guide.Tasks", "org.aibase.api.plugin.Plugin", null, null);
            }
            descriptor.pages().forEach(p -> jar.entry(p.entry(), "<!doctype html><title>page</title>".getBytes(StandardCharsets.UTF_8)));
        }
        ValidationReport report = new PluginValidator().validate(jar.writeTo(work.resolve(block.line() + ".jar")));
        return report.findings().stream().map(Finding::describe).map(f -> block.where(guide) + ": " + f)
                .collect(Collectors.toList());
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in " + guide + ":\n" + String.join("\n", problems));
        }
    }
}
