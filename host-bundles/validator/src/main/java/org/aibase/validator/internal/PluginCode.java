package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aibase.validator.Finding;
import org.aibase.validator.internal.bytecode.PluginClass;
import org.aibase.validator.internal.bytecode.PluginClassReader;

/**
 * Every class a plugin can load ({@link PluginClasses}), read once per validation for the checks that
 * need its code: the API verification, its own packages, its typed configurations.
 */
final class PluginCode {

    private final List<PluginClass> classes;
    private final Map<String, PluginClass> byName;
    private final List<Finding> unreadable;

    private PluginCode(List<PluginClass> classes, List<Finding> unreadable) {
        this.classes = List.copyOf(classes);
        this.byName = classes.stream().collect(Collectors.toMap(c -> c.facts().name(), Function.identity(), (a, b) -> a));
        this.unreadable = List.copyOf(unreadable);
    }

    /** Reads the plugin's classes: the JAR's own first, then each nested JAR's. */
    static PluginCode read(PluginJar jar) {
        List<PluginClass> classes = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        PluginClasses.visit(jar, new PluginClasses.Visitor() {
            @Override
            public void classFile(String location, byte[] bytes) {
                try {
                    classes.add(PluginClassReader.read(location, bytes));
                } catch (IllegalArgumentException e) {
                    unreadable.add(Finding.error(location, "is not a class file the verifier can read: " + e.getMessage(),
                            "class files of Java 25 or older"));
                }
            }

            @Override
            public void unreadable(String location, String problem) {
                unreadable.add(Finding.error(location, "cannot be read for the verification: " + problem,
                        "class files and nested JARs within the size limits"));
            }
        });
        return new PluginCode(classes, unreadable);
    }

    /** Every class read, in the order of the JAR. */
    List<PluginClass> classes() {
        return classes;
    }

    /** A class by internal name ({@code org/example/A}); the first of that name when several versions exist. */
    Optional<PluginClass> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** What could not be read; for a confined plugin, what is not verified is not trusted. */
    List<Finding> unreadable() {
        return unreadable;
    }

    /** The packages of the plugin's classes, e.g. {@code org.example}. */
    Set<String> packages() {
        Set<String> packages = new LinkedHashSet<>();
        for (PluginClass type : classes) {
            String name = type.facts().name();
            int slash = name.lastIndexOf('/');
            packages.add(slash < 0 ? "" : name.substring(0, slash).replace('/', '.'));
        }
        return packages;
    }
}
