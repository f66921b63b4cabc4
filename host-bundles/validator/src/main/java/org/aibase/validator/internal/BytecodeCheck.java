package org.aibase.validator.internal;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;
import org.aibase.validator.internal.bytecode.ApiTable;
import org.aibase.validator.internal.bytecode.ApiUse;
import org.aibase.validator.internal.bytecode.ApiVerifier;
import org.aibase.validator.internal.bytecode.PluginClass;

/**
 * A confined plugin's classes use only what the {@link ApiTable} allows: each reference, resolved to
 * the class that declares it, is a JDK API the table names, an allowed library's API it does not
 * refuse, or the plugin's own. Each refused use is an error at the class file, naming class, method
 * and API, and what to use instead. A class file that cannot be read is refused too: what is not
 * verified is not trusted.
 */
public final class BytecodeCheck extends DescriptorRule {

    private final ValidationContext context;

    /** Verifies plugins that are not trusted in this context. */
    public BytecodeCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        if (!Confinement.applies(descriptor, context)) {
            return;
        }
        PluginCode code = inspection.code();
        inspection.addAll(code.unreadable());
        ApiVerifier verifier = new ApiVerifier(ApiTable.standard(), code.classes(), Confinement.level(descriptor));
        for (PluginClass type : code.classes()) {
            for (ApiUse use : verifier.verify(type)) {
                inspection.add(Finding.error(type.location(), use.describe(), use.family().instead()));
            }
        }
    }
}
