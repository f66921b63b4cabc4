package org.aibase.runtime;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin JAR written at test time, the way a hostile or careless author could write one by hand:
 * Java sources compiled with the JDK's compiler against the plugin API and Jakarta REST, a
 * {@code plugin.yaml}, a manifest and DS component descriptions. Never shipped: test sources only.
 */
final class MisbehavingPlugin {

    /** Classes whose JARs make up the compile class path: the API a plugin sees. */
    private static final List<Class<?>> COMPILE_AGAINST = List.of(
            org.aibase.api.plugin.PluginContext.class, jakarta.ws.rs.Path.class);

    private final String id;
    private final String version = "1.0.0";
    private String name;
    private final List<String> descriptor = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> components = new LinkedHashMap<>();
    private final Map<String, String> files = new LinkedHashMap<>();

    private MisbehavingPlugin(String id) {
        this.id = id;
        this.name = "Misbehaving " + id;
        header("Bundle-ManifestVersion", "2");
        header("Bundle-SymbolicName", "org.example.misbehaving." + id);
        header("Bundle-Version", version);
        header("AIBase-Plugin", "plugin.yaml");
    }

    /** A plugin with this id, symbolic name {@code org.example.misbehaving.<id>}, version 1.0.0, no permissions. */
    static MisbehavingPlugin withId(String id) {
        return new MisbehavingPlugin(id);
    }

    String id() {
        return id;
    }

    /** The JAR's file name in deploy/. */
    String fileName() {
        return id + ".jar";
    }

    /** The descriptor's {@code name:}, written as a double-quoted YAML string (so it may hold any text). */
    MisbehavingPlugin name(String name) {
        this.name = name;
        return this;
    }

    /** A line of plugin.yaml after id, name and version, e.g. {@code permissions: [http]}. */
    MisbehavingPlugin yaml(String line) {
        descriptor.add(line);
        return this;
    }

    /** Sets a manifest header. */
    MisbehavingPlugin header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A class of the plugin, by its fully qualified name. */
    MisbehavingPlugin source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** A plain entry of the JAR, e.g. {@code ui/index.html}. */
    MisbehavingPlugin file(String entryName, String text) {
        files.put(entryName, text);
        return this;
    }

    /** A DS component description {@code OSGI-INF/<name>.xml}, listed in {@code Service-Component}. */
    MisbehavingPlugin component(String name, String xml) {
        components.put("OSGI-INF/" + name + ".xml", xml);
        return this;
    }

    /** Compiles the sources and writes the JAR into {@code folder} (under a temporary name, then renamed). */
    Path writeInto(Path folder) throws IOException {
        Path work = Files.createTempDirectory("misbehaving-" + id);
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("plugin.yaml", descriptorText().getBytes(StandardCharsets.UTF_8));
            components.forEach((name, xml) -> entries.put(name, xml.getBytes(StandardCharsets.UTF_8)));
            entries.putAll(compile(work));
            files.forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
            Path jar = work.resolve(fileName());
            write(jar, entries);
            PluginJars.dropInto(folder, fileName(), jar);
            return folder.resolve(fileName());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String descriptorText() {
        StringBuilder yaml = new StringBuilder()
                .append("id: ").append(id).append('\n')
                .append("name: \"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n")
                .append("version: ").append(version).append('\n')
                .append("category: utility\n");
        descriptor.forEach(line -> yaml.append(line).append('\n'));
        return yaml.toString();
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        if (!components.isEmpty()) {
            main.putValue("Service-Component", String.join(",", components.keySet()));
        }
        return manifest;
    }

    private void write(Path jar, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest())) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new JarEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }

    /** Class file entries by JAR path. */
    private Map<String, byte[]> compile(Path work) throws IOException {
        if (sources.isEmpty()) {
            return Map.of();
        }
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "--release", "17", "-nowarn",
                "-d", classes.toString(), "-cp", compileClassPath()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("no Java compiler in " + System.getProperty("java.home") + ": the tests need a JDK");
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new AssertionError("test plugin " + id + " does not compile:\n" + messages.toString(StandardCharsets.UTF_8));
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return entries;
    }

    private static String compileClassPath() {
        return COMPILE_AGAINST.stream().map(MisbehavingPlugin::location).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no file location for " + type, e);
        }
    }

    @Override
    public String toString() {
        return fileName();
    }

}
