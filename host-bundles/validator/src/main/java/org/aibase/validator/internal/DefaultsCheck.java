package org.aibase.validator.internal;

import java.util.List;
import java.util.Map;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/**
 * {@code defaults} values are single values (text, number, true/false) or lists of them: what
 * Config Admin can hold and the operator's values are type-checked against.
 */
public final class DefaultsCheck extends DescriptorRule {

    private static final String ALLOWED = "text, a number, true/false, or a list of those";

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        for (Map.Entry<String, Object> entry : descriptor.defaults().entrySet()) {
            Object value = entry.getValue();
            boolean fits = DescriptorFields.isScalar(value)
                    || value instanceof List<?> list && list.stream().allMatch(DescriptorFields::isScalar);
            if (!fits) {
                String kind = value instanceof List<?> ? "a list with an element that is not a single value"
                        : DescriptorFields.kind(value);
                inspection.add(Finding.error(Locations.field("defaults." + entry.getKey()), "is " + kind, ALLOWED));
            }
        }
    }
}
