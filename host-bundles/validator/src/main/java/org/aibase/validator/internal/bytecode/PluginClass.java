package org.aibase.validator.internal.bytecode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One class of a plugin as the verifier reads it.
 *
 * @param location the class file's entry, e.g. {@code org/example/A.class} or {@code lib/x.jar!/org/example/A.class}
 * @param facts its supertypes and declared members
 * @param annotation whether it is an annotation type
 * @param references every reference it makes, each once, in the order they occur
 * @param nativeMethods the native methods it declares, as people read them
 * @param finalizer whether it overrides {@code Object.finalize()}
 * @param elementsWithDefaults for an annotation type, the elements that have a default value
 * @param stringConstants its {@code static final String} fields with a constant value, by name
 */
public record PluginClass(String location, TypeFacts facts, boolean annotation, List<Reference> references,
        List<String> nativeMethods, boolean finalizer, Set<String> elementsWithDefaults, Map<String, String> stringConstants) {

    /** Creates a class, copying the collections. */
    public PluginClass {
        references = List.copyOf(references);
        nativeMethods = List.copyOf(nativeMethods);
        elementsWithDefaults = Set.copyOf(elementsWithDefaults);
        stringConstants = Map.copyOf(stringConstants);
    }

    /** The class's name as people read it, e.g. {@code org.example.A$B}. */
    public String className() {
        return facts.name().replace('/', '.');
    }
}
