package org.aibase.api.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type for a {@link JobHandler}:
 * {@code @JobHandlerType(type = "report", idempotent = true, attempts = 3, backoff = "5s")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JobHandlerType {

    /** Prefix of the generated property names ({@code aibase.job.}). */
    String PREFIX_ = "aibase.job.";

    /** The job type. */
    String type();

    /** Whether running an attempt twice is harmless. */
    boolean idempotent() default false;

    /** Total attempts when the handler throws. */
    int attempts() default 1;

    /** Delay before the first retry, doubled for each further one. */
    String backoff() default "1s";
}
