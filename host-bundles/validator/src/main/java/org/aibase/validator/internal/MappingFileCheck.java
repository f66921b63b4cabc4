package org.aibase.validator.internal;

import java.util.List;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;

/**
 * A confined plugin ships no JPA mapping file at its root. EclipseLink reads {@code META-INF/orm.xml}
 * and {@code META-INF/eclipselink-orm.xml} from a persistence unit's root by itself, and a mapping file
 * can declare native SQL queries, stored procedures and columns past what the verifier sees in the
 * plugin's annotations.
 */
public final class MappingFileCheck extends DescriptorRule {

    private static final List<String> MAPPING_FILES = List.of("META-INF/orm.xml", "META-INF/eclipselink-orm.xml");

    private final ValidationContext context;

    /** Checks plugins that are not trusted in this context. */
    public MappingFileCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        if (!Confinement.applies(descriptor, context)) {
            return;
        }
        for (String file : MAPPING_FILES) {
            if (inspection.jar().hasEntry(file)) {
                inspection.add(Finding.error(file, "is a JPA mapping file the persistence provider reads by itself; it can "
                        + "declare native SQL and mappings the verification does not see",
                        "annotations on the plugin's @Entity classes"));
            }
        }
    }
}
