package org.aibase.validator.internal.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;

/**
 * The running JDK's classes, read with ASM from the platform class loader's resources (class files
 * are never encapsulated), so members resolve to the class that declares them inside OSGi and in the
 * {@code validate} command alike. Read once per class and kept: the JDK does not change while it runs.
 */
final class JdkTypes {

    private static final ConcurrentHashMap<String, Optional<TypeFacts>> CACHE = new ConcurrentHashMap<>();

    private JdkTypes() {
    }

    /** The facts of a JDK class (internal name); empty when the running JDK has no such class. */
    static Optional<TypeFacts> find(String name) {
        Optional<TypeFacts> known = CACHE.get(name);
        return known != null ? known : CACHE.computeIfAbsent(name, JdkTypes::read);
    }

    private static Optional<TypeFacts> read(String name) {
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(name + ".class")) {
            if (in == null) {
                return Optional.empty();
            }
            FactsVisitor facts = new FactsVisitor();
            new ClassReader(in.readAllBytes()).accept(facts, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return Optional.of(facts.facts());
        } catch (IOException | RuntimeException e) {
            // a JDK class file that cannot be read resolves nothing: its members are judged by their owner's rows
            return Optional.empty();
        }
    }
}
