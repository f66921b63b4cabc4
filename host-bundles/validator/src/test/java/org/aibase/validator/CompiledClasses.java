package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Java sources compiled at test time with the JDK's compiler, so a test's plugin holds real bytecode;
 * they compile against the APIs a plugin sees (the platform's, Jackson, Jakarta REST and Persistence, SLF4J).
 */
final class CompiledClasses {

    /** A class of each library on the compile class path. */
    private static final List<Class<?>> COMPILE_AGAINST = List.of(org.aibase.api.plugin.PluginContext.class,
            com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
            com.fasterxml.jackson.annotation.JsonTypeInfo.class, jakarta.persistence.EntityManager.class,
            jakarta.ws.rs.Path.class, org.slf4j.Logger.class);

    private final Map<String, byte[]> classes;

    private CompiledClasses(Map<String, byte[]> classes) {
        this.classes = classes;
    }

    /** Compiles the sources (class name to source text) in one run of javac, into {@code dir}. */
    static CompiledClasses compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString(),
                "-cp", COMPILE_AGAINST.stream().map(CompiledClasses::location).distinct().collect(Collectors.joining(File.pathSeparator))));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertTrue(status == 0, errors.toString(StandardCharsets.UTF_8));
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                classes.put(out.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return new CompiledClasses(classes);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no file location for " + type, e);
        }
    }

    /** The class file of a class, e.g. {@code org.example.Exec}. */
    byte[] bytes(String className) {
        byte[] bytes = classes.get(entry(className));
        if (bytes == null) {
            throw new IllegalArgumentException(className + " was not compiled");
        }
        return bytes;
    }

    /** The entry name of a class: {@code org/example/Exec.class}. */
    static String entry(String className) {
        return className.replace('.', '/') + ".class";
    }

    /** Adds the class and its nested and anonymous classes to the plugin JAR. */
    TestJar addTo(TestJar jar, String className) {
        String prefix = className.replace('.', '/');
        classes.forEach((entry, bytes) -> {
            if (entry.equals(prefix + ".class") || entry.startsWith(prefix + "$")) {
                jar.entry(entry, bytes);
            }
        });
        return jar;
    }

    /** A plain JAR (no manifest) holding the class and its nested classes, e.g. for {@code Bundle-ClassPath}. */
    byte[] library(String className) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = bytes; JarOutputStream jar = new JarOutputStream(out)) {
            String prefix = className.replace('.', '/');
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                if (e.getKey().equals(prefix + ".class") || e.getKey().startsWith(prefix + "$")) {
                    jar.putNextEntry(new JarEntry(e.getKey()));
                    jar.write(e.getValue());
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
