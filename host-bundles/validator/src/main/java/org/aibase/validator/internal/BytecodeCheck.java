package org.aibase.validator.internal;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;
import org.aibase.validator.internal.bytecode.ApiUse;
import org.aibase.validator.internal.bytecode.ClassScanner;
import org.aibase.validator.internal.bytecode.DeniedApis;

/**
 * A confined plugin's classes use none of the {@link DeniedApis}: no processes, exits, environment,
 * native code, raw sockets, direct files, access-bypassing reflection, class loaders or threads of
 * its own. Each use is an error at the class file, naming class, method and API. A class file that
 * cannot be read is refused too: what is not scanned is not trusted.
 */
public final class BytecodeCheck extends DescriptorRule {

    private final ValidationContext context;

    /** Scans plugins that are not trusted in this context. */
    public BytecodeCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        if (!Confinement.applies(descriptor, context)) {
            return;
        }
        PluginClasses.visit(inspection.jar(), new PluginClasses.Visitor() {
            @Override
            public void classFile(String location, byte[] bytes) {
                try {
                    for (ApiUse use : ClassScanner.scan(bytes)) {
                        inspection.add(Finding.error(location, use.describe(), use.denied().instead()));
                    }
                } catch (IllegalArgumentException e) {
                    inspection.add(Finding.error(location, "is not a class file the scan can read: " + e.getMessage(),
                            "class files of Java 25 or older"));
                }
            }

            @Override
            public void unreadable(String location, String problem) {
                inspection.add(Finding.error(location, "cannot be read for the bytecode scan: " + problem,
                        "class files and nested JARs within the size limits"));
            }
        });
    }
}
