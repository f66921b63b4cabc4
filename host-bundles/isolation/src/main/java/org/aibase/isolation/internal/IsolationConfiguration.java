package org.aibase.isolation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@value #PID}: how isolated plugins' JVMs are started. */
@ObjectClassDefinition(name = "AI Base isolated plugins", description = "The JVMs of plugins with security: isolated")
@interface IsolationConfiguration {

    String PID = "org.aibase.isolation";

    @AttributeDefinition(name = "Spare JVM", description = "Keep one JVM started ahead and warm (~85 MB resident while "
            + "isolated plugins run), so that a plugin's JVM serves ~0.3 s after its start instead of ~1.2 s")
    boolean spare_jvm() default true;
}
