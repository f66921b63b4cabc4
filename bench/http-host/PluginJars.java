import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Plugin JARs made at bench time from the built hello plugin: clones under another id (for a
 * population of plugins) and hello itself with another greeting (for updates that a client can tell
 * apart). Every place that carries the id is rewritten: {@code plugin.yaml}, Bundle-SymbolicName,
 * the DS component descriptions (component names, the endpoint property, the configuration PID)
 * and the {@code @PluginEndpoint} value left in the class files.
 */
final class PluginJars {

    static final String HELLO = "hello";

    private static final Pattern YAML_ID = Pattern.compile("(?m)^id:\\s*" + HELLO + "\\s*$");
    // name= of a component, configuration-pid=: "org.aibase.plugin.hello.X", "aibase.plugin.hello"
    private static final Pattern COMPONENT_ID = Pattern.compile(
            "(\\s(?:name|configuration-pid)=\"(?:org\\.)?aibase\\.plugin\\.)" + HELLO + "((?:\\.[^\"]*)?\")");
    private static final Pattern ENDPOINT_VALUE = Pattern.compile(
            "(name=\"aibase\\.plugin\\.endpoint\"[^>]*\\svalue=\")" + HELLO + "\"");
    private static final Pattern SECURITY = Pattern.compile("(?m)^security:\\s*sandbox\\s*$");
    private static final Pattern GREETING = Pattern.compile("(?m)^greeting=.*$");

    private final Path hello;

    PluginJars(Path helloJar) {
        this.hello = helloJar;
    }

    /** Hello under another id, written to {@code target}. */
    void cloneAs(String id, Path target) throws IOException {
        cloneAs(id, target, false);
    }

    /** Hello under another id, with {@code security: isolated} when asked (its own JVM), written to {@code target}. */
    void cloneAs(String id, Path target, boolean isolated) throws IOException {
        Map<String, Integer> rewrites = new LinkedHashMap<>();
        rewrite(target, (name, bytes) -> {
            if (name.equals("plugin.yaml")) {
                byte[] renamed = count(rewrites, name, YAML_ID, text(bytes), m -> "id: " + id);
                return isolated ? count(rewrites, "security", SECURITY, text(renamed), m -> "security: isolated") : renamed;
            }
            if (name.equals("META-INF/MANIFEST.MF")) {
                rewrites.merge(name, 1, Integer::sum);
                return manifestWithSymbolicName(bytes, id);
            }
            if (name.startsWith("OSGI-INF/") && name.endsWith(".xml")) {
                String xml = text(bytes);
                xml = text(count(rewrites, name, COMPONENT_ID, xml, m -> m.group(1) + id + m.group(2)));
                return count(rewrites, "endpoint property", ENDPOINT_VALUE, xml, m -> m.group(1) + id + "\"");
            }
            if (name.endsWith(".class")) {
                return ClassConstants.replaceUtf8(bytes, HELLO, id);
            }
            return bytes;
        });
        for (String required : new String[] { "plugin.yaml", "META-INF/MANIFEST.MF", "endpoint property", "security" }) {
            if (!rewrites.containsKey(required) && (isolated || !required.equals("security"))) {
                throw new IllegalStateException(hello + ": found no " + required + " carrying the id '" + HELLO
                        + "' to rewrite; the hello plugin's layout changed and the bench must follow");
            }
        }
    }

    /** Hello with {@code greeting=} of its messages replaced, written to {@code target}. */
    void withGreeting(String greeting, Path target) throws IOException {
        Map<String, Integer> rewrites = new LinkedHashMap<>();
        rewrite(target, (name, bytes) -> name.equals("messages.properties")
                ? count(rewrites, name, GREETING, text(bytes), m -> "greeting=" + greeting)
                : bytes);
        if (rewrites.isEmpty()) {
            throw new IllegalStateException(hello + " has no greeting= in messages.properties to change");
        }
    }

    /**
     * Moves a JAR into a folder with one rename, so the folder never sees it half-written; the
     * source must be on the same file system.
     */
    static void moveInto(Path jar, Path folder, String fileName) throws IOException {
        Files.move(jar, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private interface EntryRewrite {
        byte[] apply(String name, byte[] content) throws IOException;
    }

    private void rewrite(Path target, EntryRewrite rewrite) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(hello));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                if (!entry.isDirectory()) {
                    out.write(rewrite.apply(entry.getName(), in.readAllBytes()));
                }
                out.closeEntry();
            }
        }
    }

    private static byte[] manifestWithSymbolicName(byte[] bytes, String id) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(bytes));
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || !symbolicName.endsWith("." + HELLO)) {
            throw new IllegalStateException("Bundle-SymbolicName '" + symbolicName + "' does not end in ." + HELLO);
        }
        main.putValue("Bundle-SymbolicName", symbolicName.substring(0, symbolicName.length() - HELLO.length()) + id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static byte[] count(Map<String, Integer> rewrites, String what, Pattern pattern, String text,
                                Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
            rewrites.merge(what, 1, Integer::sum);
        }
        matcher.appendTail(result);
        return result.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
