package org.aibase.validator.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.internal.ComponentDescriptions.Component;
import org.aibase.validator.internal.bytecode.PluginClass;
import org.objectweb.asm.Type;

/**
 * A component's typed configuration (an annotation type its constructor or activation methods take)
 * reads the keys {@code plugin.yaml}'s {@code defaults} declare. DS derives each element's property
 * name ({@link PropertyNames}): {@code neutral_band()} reads {@code neutral.band}, so a default
 * {@code neutral_band} never reaches it, and neither does the operator's value for that key; the
 * element silently keeps its annotation default. A key no element reads that has the same letters
 * and digits as an element is such a near miss: an error naming both fixes.
 */
final class ConfigurationNamesRule implements ComponentRule {

    private final Map<String, Object> defaults;
    // the typed configurations of every component, each once, by internal name
    private final Map<String, PluginClass> types = new LinkedHashMap<>();

    ConfigurationNamesRule(PluginDescriptor descriptor) {
        this.defaults = descriptor.defaults();
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        if (defaults.isEmpty() || component.implementation().isEmpty()) {
            return;
        }
        PluginCode code = inspection.code();
        code.byName(component.implementation().replace('.', '/')).ifPresent(implementation -> {
            for (String method : implementation.facts().methods()) {
                for (Type parameter : Type.getArgumentTypes(method.substring(method.indexOf('(')))) {
                    Optional<PluginClass> type = parameter.getSort() == Type.OBJECT
                            ? code.byName(parameter.getInternalName()) : Optional.empty();
                    type.filter(PluginClass::annotation).ifPresent(t -> types.putIfAbsent(t.facts().name(), t));
                }
            }
        });
    }

    @Override
    public void finish(Inspection inspection) {
        Set<String> unread = new HashSet<>(defaults.keySet());
        types.values().forEach(type -> PropertyNames.elements(type).forEach(e -> unread.remove(PropertyNames.property(type, e))));
        for (PluginClass type : types.values()) {
            String prefix = type.stringConstants().getOrDefault("PREFIX_", "");
            for (String element : PropertyNames.elements(type)) {
                String property = PropertyNames.property(type, element);
                String unprefixed = property.substring(prefix.length());
                for (String key : unread) {
                    String meant = letters(key);
                    if (meant.equals(letters(element)) || meant.equals(letters(unprefixed)) || meant.equals(letters(property))) {
                        boolean renamable = key.startsWith(prefix) && !PropertyNames.namedAfterType(type, element);
                        String rename = renamable ? "name the element " + PropertyNames.element(key.substring(prefix.length()))
                                + "() ('__' reads as '_', '_' as '.', '$_$' as '-'), or " : "";
                        inspection.add(Finding.error(type.location(), "typed configuration " + type.className() + ": DS reads "
                                + element + "() from the property '" + property + "', but plugin.yaml's defaults declare '" + key
                                + "', so neither that default nor the operator's value reaches it",
                                rename + "declare the key as '" + property + "'"));
                    }
                }
            }
        }
    }

    /** A name's letters and digits in lower case: what a key and an element share when one was meant for the other. */
    private static String letters(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
