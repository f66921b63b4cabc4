package org.aibase.validator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The class files a plugin can load: every {@code .class} entry of its JAR ({@code META-INF/versions/**}
 * included, {@code module-info} aside: it holds no code) and of the JARs its {@code Bundle-ClassPath}
 * names. A nested JAR is read into memory with a cap and inflated with a budget, so a nested zip
 * bomb is refused like a top-level one.
 */
final class PluginClasses {

    /** The largest class file read; the JVM's own limits keep real ones far smaller. */
    static final int MAX_CLASS_BYTES = 4 << 20;

    /** The largest nested JAR read into memory. */
    static final int MAX_NESTED_JAR_BYTES = 64 << 20;

    /** The most bytes inflated from one nested JAR, as much as a whole plugin JAR may declare. */
    static final long MAX_NESTED_INFLATED_BYTES = ZipSafetyCheck.MAX_TOTAL_BYTES;

    private static final String CLASS_PATH = "Bundle-ClassPath";

    /** Receives the class files, and the places that could not be read. */
    interface Visitor {

        /** A class file at {@code location}: {@code org/example/A.class} or {@code lib/x.jar!/org/example/A.class}. */
        void classFile(String location, byte[] bytes);

        /** An entry or nested JAR that could not be read, and why. */
        void unreadable(String location, String problem);
    }

    private PluginClasses() {
    }

    /** Visits every class file of the plugin, the JAR's own first, then each nested JAR's. */
    static void visit(PluginJar jar, Visitor visitor) {
        Set<String> seen = new LinkedHashSet<>(); // a duplicate entry is the zip safety check's finding
        for (ZipEntry entry : jar.entries()) {
            String name = entry.getName();
            if (!entry.isDirectory() && isClass(name) && seen.add(name)) {
                try {
                    jar.read(name, MAX_CLASS_BYTES).ifPresent(bytes -> visitor.classFile(name, bytes));
                } catch (IOException e) {
                    visitor.unreadable(name, e.getMessage());
                }
            }
        }
        jar.header(CLASS_PATH).ifPresent(header -> {
            for (String path : ManifestClauses.paths(header)) {
                if (jar.hasEntry(path)) { // "." and folders are the JAR's own entries, visited above
                    visitNested(jar, path, visitor);
                }
            }
        });
    }

    private static void visitNested(PluginJar jar, String path, Visitor visitor) {
        try {
            byte[] nested = jar.read(path, MAX_NESTED_JAR_BYTES).orElseThrow();
            long budget = MAX_NESTED_INFLATED_BYTES;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(nested))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String location = path + "!/" + entry.getName();
                    if (!entry.isDirectory() && isClass(entry.getName())) {
                        byte[] bytes = PluginJar.readAtMost(zip, MAX_CLASS_BYTES);
                        budget -= bytes.length;
                        visitor.classFile(location, bytes);
                    } else {
                        budget -= drain(zip, budget);
                    }
                    if (budget < 0) {
                        throw new IOException("inflates to more than " + Quantities.size(MAX_NESTED_INFLATED_BYTES));
                    }
                }
            }
        } catch (IOException e) {
            visitor.unreadable(path, e.getMessage());
        }
    }

    /** Reads an entry to its end, at most {@code budget + 1} bytes; returns how many were read. */
    private static long drain(InputStream entry, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; read <= budget && (n = entry.read(buffer)) > 0; ) {
            read += n;
        }
        return read;
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.endsWith("/module-info.class");
    }
}
