package org.aibase.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A JAR named on the command line, or a plugin project's folder standing for the plugin JAR its build
 * left in {@code target/}: the one JAR there whose manifest names a plugin descriptor.
 */
final class PluginProjectJar {

    private PluginProjectJar() {
    }

    /** The path itself when it is not a folder; the folder's built plugin JAR otherwise. */
    static Path resolve(Path path) {
        if (!Files.isDirectory(path)) {
            return path;
        }
        Path target = path.resolve("target");
        String build = "build it first: cd " + path + " && mvn verify";
        if (!Files.isDirectory(target)) {
            throw new CommandFailure(ExitStatus.FAILED, path + " is a folder without target/: " + build);
        }
        List<Path> plugins;
        try (Stream<Path> files = Files.list(target)) {
            plugins = files.filter(f -> f.getFileName().toString().endsWith(".jar")).filter(PluginProjectJar::isPlugin)
                    .sorted().toList();
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.FAILED, "cannot list " + target + ": " + e.getMessage());
        }
        if (plugins.isEmpty()) {
            throw new CommandFailure(ExitStatus.FAILED, target + " holds no plugin JAR (a JAR whose manifest has "
                    + "AIBase-Plugin): " + build);
        }
        if (plugins.size() > 1) {
            throw new CommandFailure(ExitStatus.FAILED, target + " holds several plugin JARs ("
                    + String.join(", ", plugins.stream().map(p -> p.getFileName().toString()).toList()) + "): name one");
        }
        return plugins.get(0);
    }

    private static boolean isPlugin(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("AIBase-Plugin") != null;
        } catch (IOException e) {
            return false; // not a JAR the build made: the validator would say so when named
        }
    }
}
