import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.PluginValidator;
import org.aibase.validator.internal.bytecode.ApiTable;
import org.aibase.validator.internal.bytecode.ApiVerifier;
import org.aibase.validator.internal.bytecode.PluginClass;
import org.aibase.validator.internal.bytecode.PluginClassReader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the verification by allow-list costs on CLASSES real class files taken as a plugin's own code
 * (by default the first 1,000 classes of EclipseLink's core bundle, which the runtime JAR carries:
 * varied code), against a bare baseline in the same run: ASM reading the same classes, every
 * instruction, with visitors that do nothing. The measures alternate their order each round, so drift hits all alike.
 *
 * <p>java -cp RUNTIME_JAR bench/VerifySpeed.java RUNTIME_JAR [ROUNDS] [CLASSES] [BUNDLE]
 */
public final class VerifySpeed {

    private static final String BASELINE = "baseline: ASM reads every class and instruction";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp RUNTIME_JAR bench/VerifySpeed.java RUNTIME_JAR [ROUNDS] [CLASSES] [BUNDLE]");
            System.exit(2);
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        String bundle = args.length > 3 ? args[3] : "bundles/org.eclipse.persistence.core.jar";
        Map<String, byte[]> classes = corpus(Path.of(args[0]), bundle, count);
        long bytes = classes.values().stream().mapToLong(b -> b.length).sum();
        Path jar = pluginJar(classes);
        System.err.printf("%d classes (%.1f MiB) from %s, %d rounds%n", classes.size(), bytes / 1048576.0, bundle, rounds);

        Map<String, Measure> measures = new LinkedHashMap<>();
        measures.put(BASELINE, () -> baseline(classes));
        measures.put("verifier: read references and facts", () -> read(classes).size());
        measures.put("verifier: read and verify (the bytecode check)", () -> verify(read(classes)));
        measures.put("validate the whole JAR (zip, descriptor, every check)", () -> new PluginValidator().validate(jar).findings().size());

        long cold = time(() -> verify(read(classes)));
        Map<String, List<Long>> times = new LinkedHashMap<>();
        measures.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        List<String> order = new ArrayList<>(measures.keySet());
        for (int round = 0; round < rounds + 3; round++) {
            Collections.reverse(order);
            for (String name : order) {
                long nanos = time(measures.get(name));
                if (round >= 3) { // the first rounds warm the JIT
                    times.get(name).add(nanos);
                }
            }
        }
        System.out.printf("%-56s %9s %9s %9s %11s%n", "measure", "median", "min", "max", "per class");
        long baseline = median(times.get(BASELINE));
        times.forEach((name, list) -> System.out.printf("%-56s %7.1f ms %6.1f ms %6.1f ms %8.1f us%n", name,
                median(list) / 1e6, Collections.min(list) / 1e6, Collections.max(list) / 1e6, median(list) / 1e3 / classes.size()));
        long verification = median(times.get("verifier: read and verify (the bytecode check)"));
        System.out.printf("verification: %.1f ms for %d classes (%.1fx the baseline); first, with the JDK's classes not yet read: %.1f ms%n",
                verification / 1e6, classes.size(), (double) verification / baseline, cold / 1e6);
        System.err.println("(" + sink + " results kept from the JIT)");
    }

    /** One measured piece of work; its result is kept so the JIT cannot drop the work. */
    interface Measure {
        int run() throws Exception;
    }

    private static int sink;

    private static long time(Measure measure) throws Exception {
        long start = System.nanoTime();
        sink += measure.run();
        return System.nanoTime() - start;
    }

    /** ASM reading every class and every instruction, visiting nothing: what any bytecode check pays at least. */
    private static int baseline(Map<String, byte[]> classes) {
        int read = 0;
        for (byte[] bytes : classes.values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) { };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            read++;
        }
        return read;
    }

    private static List<PluginClass> read(Map<String, byte[]> classes) {
        List<PluginClass> read = new ArrayList<>(classes.size());
        classes.forEach((entry, bytes) -> read.add(PluginClassReader.read(entry, bytes)));
        return read;
    }

    private static int verify(List<PluginClass> classes) {
        ApiVerifier verifier = new ApiVerifier(ApiTable.standard(), classes, SecurityLevel.SANDBOX);
        int refused = 0;
        for (PluginClass type : classes) {
            refused += verifier.verify(type).size();
        }
        return refused;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The first COUNT class files of a JAR the runtime JAR carries. */
    private static Map<String, byte[]> corpus(Path runtime, String bundle, int count) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (ZipFile outer = new ZipFile(runtime.toFile())) {
            ZipEntry nested = outer.getEntry(bundle);
            if (nested == null) {
                throw new IllegalArgumentException(runtime + " has no " + bundle);
            }
            try (InputStream in = outer.getInputStream(nested); JarInputStream jar = new JarInputStream(in)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null && classes.size() < count; entry = jar.getNextJarEntry()) {
                    if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
                        classes.put(entry.getName(), jar.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** A sandbox plugin JAR holding the classes, for the whole validation. */
    private static Path pluginJar(Map<String, byte[]> classes) throws IOException {
        Path file = Files.createTempFile("verify-speed", ".jar");
        file.toFile().deleteOnExit();
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.speed");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("AIBase-Plugin", "plugin.yaml");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.yaml"));
            new ByteArrayInputStream("id: speed\nname: Speed\nversion: 1.0.0\n".getBytes(StandardCharsets.UTF_8)).transferTo(jar);
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
            }
        }
        return file;
    }
}
