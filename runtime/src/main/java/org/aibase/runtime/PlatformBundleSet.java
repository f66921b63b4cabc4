package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The platform bundles the build put under {@code bundles/}: inside the runtime JAR when run with
 * {@code java -jar}, or a folder when run from the build's classes.
 */
final class PlatformBundleSet {

    static final String FOLDER = "bundles/";
    /** The bundles only an isolated plugin's JVM installs (its host, and Jersey's container for the JDK's HTTP server). */
    static final String CHILD_FOLDER = "child-bundles/";

    /**
     * Started first within their start level: SLF4J picks its provider once, at the first logger,
     * so a bundle that logs before slf4j-simple is active would leave every log silent; and the
     * sandbox's resolver and service hooks must be in place before the other host bundles resolve.
     */
    private static final List<String> FIRST = List.of("slf4j-api.jar", "slf4j-simple.jar", "aibase-sandbox.jar");

    /** Install order is start order within a start level. */
    static final Comparator<PlatformBundle> START_ORDER = Comparator
            .comparing((PlatformBundle b) -> FIRST.contains(b.name()) ? FIRST.indexOf(b.name()) : FIRST.size())
            .thenComparing(PlatformBundle::name);

    private PlatformBundleSet() {
    }

    /** The bundles carried by the code source of this class. */
    static List<PlatformBundle> embedded() throws IOException {
        return embedded(FOLDER);
    }

    /** The bundles of one folder carried by the code source of this class. */
    static List<PlatformBundle> embedded(String folder) throws IOException {
        Path source;
        try {
            source = Path.of(PlatformBundleSet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the runtime's own JAR", e);
        }
        return Files.isDirectory(source) ? fromFolder(source.resolve(folder)) : fromJar(source, folder);
    }

    static List<PlatformBundle> fromJar(Path jar, String folder) throws IOException {
        List<PlatformBundle> bundles = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith(folder) && name.endsWith(".jar") && name.indexOf('/', folder.length()) < 0) {
                    String fingerprint = Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
                    bundles.add(new PlatformBundle(name.substring(folder.length()), fingerprint,
                            () -> openEntry(jar, name)));
                }
            }
        }
        bundles.sort(START_ORDER);
        return bundles;
    }

    static List<PlatformBundle> fromFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no platform bundles at " + folder + ": build the runtime with 'mvn install' first");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<PlatformBundle> bundles = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                bundles.add(new PlatformBundle(file.getFileName().toString(),
                        Long.toHexString(crc.getValue()) + "-" + bytes.length, () -> Files.newInputStream(file)));
            }
            bundles.sort(START_ORDER);
            return bundles;
        }
    }

    private static InputStream openEntry(Path jar, String name) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(name));
        // closing the stream closes the zip file with it
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
