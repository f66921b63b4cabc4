package org.aibase.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Whether plugin requests go through admission and metering (PID {@value #PID}). On by default; an
 * operator turns it off only to measure what it costs ({@code bench/governor-overhead.sh} does),
 * since off means no concurrency limit and no usage figures.
 */
@Component(service = GovernorSwitch.class, configurationPid = GovernorSwitch.PID)
@Designate(ocd = GovernorSwitch.Settings.class)
public final class GovernorSwitch {

    static final String PID = "org.aibase.rest.governor";

    @ObjectClassDefinition(name = "AI Base governor", description = "Admission and metering of plugin requests")
    @interface Settings {
        @AttributeDefinition(name = "Enabled", description = "Off only to measure the governor's overhead")
        boolean enabled() default true;
    }

    private volatile boolean enabled;

    @Activate
    public GovernorSwitch(Settings settings) {
        this.enabled = settings.enabled();
    }

    /** For tests and tools: a switch in a fixed position. */
    GovernorSwitch(boolean enabled) {
        this.enabled = enabled;
    }

    @Modified
    void modified(Settings settings) {
        this.enabled = settings.enabled();
    }

    public boolean enabled() {
        return enabled;
    }
}
