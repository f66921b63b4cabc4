package org.aibase.validator.internal.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes a plugin's references can reach: its own, whose facts it carries, and the JDK's, read
 * from the running JDK. A library class is neither: its members are taken to be declared where the
 * bytecode names them, since the verifier does not read libraries.
 */
final class TypeHierarchy {

    // the JDK's overridden declarations, by method: the JDK does not change while it runs
    private static final Map<String, List<String>> OVERRIDDEN = new ConcurrentHashMap<>();

    private final Map<String, TypeFacts> plugin;
    private final Set<String> ownPackages;

    /**
     * A hierarchy over the plugin's classes by internal name, and the JDK.
     *
     * @param ownPackages packages (internal form) no other bundle can provide to the plugin: a class of
     *        them that the JAR lacks can only fail to load, so it counts as the plugin's own
     */
    TypeHierarchy(Map<String, TypeFacts> plugin, Set<String> ownPackages) {
        this.plugin = plugin;
        this.ownPackages = ownPackages;
    }

    /** Whether the class is one of the plugin's own. */
    boolean isPlugin(String name) {
        return plugin.containsKey(name) || ownPackages.contains(packageOf(name));
    }

    /** The package of a class, in internal form: {@code java/util} for {@code java/util/List}. */
    static String packageOf(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** Whether the class belongs to the JDK: the running JDK has it, or its package is one only the JDK defines. */
    static boolean isJdk(String name) {
        return name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/") || name.startsWith("sun/")
                || name.startsWith("com/sun/") || JdkTypes.find(name).isPresent();
    }

    /** The facts of a plugin or JDK class; empty for a library class (or one that does not exist). */
    Optional<TypeFacts> facts(String name) {
        TypeFacts own = plugin.get(name);
        return own != null ? Optional.of(own) : JdkTypes.find(name);
    }

    /**
     * The class that declares the member the bytecode names as {@code owner.name}, as the JVM resolves
     * it: the owner and its superclasses first, then their interfaces. A library class on the way is
     * taken to declare it; when no class is found to declare it, the owner is the answer.
     */
    String declaringClass(String owner, String name, String descriptor, boolean field) {
        List<String> chain = new ArrayList<>();
        for (String type = owner; type != null; ) {
            Optional<TypeFacts> facts = facts(type);
            if (facts.isEmpty() || facts.get().declares(name, descriptor, field)) {
                return type;
            }
            chain.add(type);
            type = facts.get().superName();
        }
        Queue<String> interfaces = new ArrayDeque<>();
        chain.forEach(type -> interfaces.addAll(facts(type).orElseThrow().interfaces()));
        Set<String> seen = new HashSet<>();
        String firstLibrary = null;
        while (!interfaces.isEmpty()) {
            String type = interfaces.poll();
            if (!seen.add(type)) {
                continue;
            }
            Optional<TypeFacts> facts = facts(type);
            if (facts.isEmpty()) {
                firstLibrary = firstLibrary == null ? type : firstLibrary;
            } else if (facts.get().declares(name, descriptor, field)) {
                return type;
            } else {
                interfaces.addAll(facts.get().interfaces());
            }
        }
        return firstLibrary == null ? owner : firstLibrary;
    }

    /**
     * The JDK supertypes of a JDK class that declare a method of this name and these parameters: the
     * declarations the class's own overrides, so that a refusal of {@code BaseStream.parallel()} also
     * holds for {@code IntStream.parallel()}.
     */
    List<String> overridden(String declaring, String name, String descriptor) {
        String method = declaring + '.' + name + descriptor.substring(0, descriptor.indexOf(')') + 1);
        List<String> known = OVERRIDDEN.get(method);
        return known != null ? known : OVERRIDDEN.computeIfAbsent(method, m -> findOverridden(declaring, name, descriptor));
    }

    private static List<String> findOverridden(String declaring, String name, String descriptor) {
        List<String> declarations = new ArrayList<>();
        Queue<String> queue = new ArrayDeque<>(supertypes(declaring));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String type = queue.poll();
            Optional<TypeFacts> facts = seen.add(type) ? JdkTypes.find(type) : Optional.empty();
            if (facts.isPresent()) {
                if (facts.get().declaresParameters(name, descriptor)) {
                    declarations.add(type);
                }
                queue.addAll(supertypes(type));
            }
        }
        return List.copyOf(declarations);
    }

    private static List<String> supertypes(String type) {
        return JdkTypes.find(type).map(f -> {
            List<String> supertypes = new ArrayList<>(f.interfaces());
            if (f.superName() != null) {
                supertypes.add(0, f.superName());
            }
            return supertypes;
        }).orElse(List.of());
    }
}
