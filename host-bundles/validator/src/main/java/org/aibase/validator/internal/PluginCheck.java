package org.aibase.validator.internal;

/**
 * One rule about plugin JARs. Every rule of the platform is a check run by the validator, so adding
 * a rule never means touching the others.
 */
public interface PluginCheck {

    /** Inspects the JAR and adds findings (and facts such as the descriptor) to the inspection. */
    void check(Inspection inspection);
}
