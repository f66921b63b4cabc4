package org.aibase.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A plugin's JPA classes, found in its bytecode: classes annotated {@code @Entity},
 * {@code @Embeddable} or {@code @MappedSuperclass}, in the bundle and the JARs of its
 * {@code Bundle-ClassPath}. Reading annotations with ASM loads no class, so nothing runs.
 */
final class EntityClasses {

    private static final String ENTITY = "Ljakarta/persistence/Entity;";
    private static final Set<String> MANAGED = Set.of(ENTITY, "Ljakarta/persistence/Embeddable;",
            "Ljakarta/persistence/MappedSuperclass;");

    /** The managed class names, sorted, and which of them are entities. */
    record Found(List<String> managed, List<String> entities) {
    }

    private EntityClasses() {
    }

    static Found in(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " is not resolved");
        }
        Collection<String> resources = wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL);
        Set<String> managed = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        ClassLoader loader = wiring.getClassLoader();
        for (String resource : resources) {
            if (resource.endsWith("module-info.class") || resource.startsWith("META-INF/")) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in != null) {
                    annotations(in.readAllBytes(), managed, entities);
                }
            } catch (IOException | RuntimeException unreadable) {
                // the validator refuses unreadable class files before a plugin is installed
            }
        }
        return new Found(List.copyOf(managed), List.copyOf(entities));
    }

    /** Adds the class to {@code managed} (and {@code entities}) if it carries a JPA class annotation. */
    static void annotations(byte[] classFile, Set<String> managed, Set<String> entities) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName().replace('/', '.');
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (MANAGED.contains(descriptor)) {
                    managed.add(name);
                    if (descriptor.equals(ENTITY)) {
                        entities.add(name);
                    }
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
}
