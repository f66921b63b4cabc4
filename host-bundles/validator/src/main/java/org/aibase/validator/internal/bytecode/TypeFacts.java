package org.aibase.validator.internal.bytecode;

import java.util.List;
import java.util.Set;

/**
 * What resolving a member needs to know about a class: its supertypes and what it declares.
 *
 * @param name the internal name, e.g. {@code java/util/ArrayList}
 * @param superName the superclass's internal name; {@code null} for {@code java/lang/Object}
 * @param interfaces the directly implemented or extended interfaces
 * @param methods the declared methods as name and descriptor, e.g. {@code size()I}
 * @param fields the declared fields' names
 */
public record TypeFacts(String name, String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {

    /** Creates facts, copying the collections. */
    public TypeFacts {
        interfaces = List.copyOf(interfaces);
        methods = Set.copyOf(methods);
        fields = Set.copyOf(fields);
    }

    /** Whether the class itself declares the field, or the method with exactly this descriptor. */
    boolean declares(String member, String descriptor, boolean field) {
        return field ? fields.contains(member) : methods.contains(member + descriptor);
    }

    /** Whether it declares a method with this name and the descriptor's parameters, whatever it returns. */
    boolean declaresParameters(String member, String descriptor) {
        String parameters = member + descriptor.substring(0, descriptor.indexOf(')') + 1);
        return methods.stream().anyMatch(m -> m.startsWith(parameters));
    }
}
