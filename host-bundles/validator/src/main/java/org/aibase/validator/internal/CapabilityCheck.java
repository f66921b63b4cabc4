package org.aibase.validator.internal;

import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/** Capabilities are words ({@code [a-z0-9_]+}) because the API filters plugins by them. */
public final class CapabilityCheck extends DescriptorRule {

    private static final Pattern WORD = Pattern.compile("[a-z0-9_]+");

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        for (String capability : descriptor.capabilities()) {
            if (!WORD.matcher(capability).matches()) {
                inspection.add(Finding.error(Locations.field("capabilities"), "'" + capability + "' is not a capability",
                        "words of lower-case letters, digits and '_' ([a-z0-9_]+), e.g. data_analysis"));
            }
        }
    }
}
