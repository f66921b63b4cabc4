package org.aibase.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@value #PID}: how often the platform's metrics are sampled and how long they are kept. */
@ObjectClassDefinition(name = "AI Base metrics", description = "Sampling of platform and plugin metrics into the "
        + "platform database, and their retention")
@interface MetricsConfiguration {

    String PID = "org.aibase.metrics";

    @AttributeDefinition(name = "Sampling interval (seconds)", description = "How often every metric is sampled (1 to 3600)")
    int interval_seconds() default 10;

    @AttributeDefinition(name = "Retention (days)", description = "How long samples are kept (1 to 3650); older ones are "
            + "deleted hourly")
    int retention_days() default 7;
}
