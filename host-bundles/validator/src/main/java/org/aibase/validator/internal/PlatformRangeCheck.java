package org.aibase.validator.internal;

import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/** {@code requires.platform} is a well-formed range that this platform's version satisfies. */
public final class PlatformRangeCheck extends DescriptorRule {

    private final SemanticVersion platform;

    /** Checks ranges against the given platform version. */
    public PlatformRangeCheck(SemanticVersion platform) {
        this.platform = platform;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        String location = Locations.field("requires.platform");
        Optional<VersionRange> range = VersionRange.parse(descriptor.requiresPlatform());
        if (range.isEmpty()) {
            inspection.add(Finding.error(location, "'" + descriptor.requiresPlatform() + "' is not a version range",
                    VersionRange.FORM));
        } else if (!range.get().includes(platform)) {
            inspection.add(Finding.error(location, "'" + descriptor.requiresPlatform()
                    + "' is not satisfied by this platform's version " + platform,
                    "a range that includes " + platform));
        }
    }
}
