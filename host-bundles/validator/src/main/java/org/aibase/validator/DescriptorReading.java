package org.aibase.validator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;

/**
 * What reading a {@code plugin.yaml} produced.
 *
 * @param descriptor the descriptor, present when its id could be read; fields with errors read as absent
 *        (deny by default), so act on it only when no finding is an error
 * @param findings the problems found in the file
 */
public record DescriptorReading(Optional<PluginDescriptor> descriptor, List<Finding> findings) {

    /** Creates a reading, copying the findings so the record stays immutable. */
    public DescriptorReading {
        Objects.requireNonNull(descriptor, "descriptor");
        findings = List.copyOf(findings);
    }
}
