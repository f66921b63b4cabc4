package org.aibase.sandbox.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator's configuration of the sandbox (PID {@value #PID}), e.g. {@code config/org.aibase.sandbox.cfg}. */
@ObjectClassDefinition(name = "AI Base Sandbox",
        description = "Which plugins may run trusted, the limits of plugins that declare none, and when a plugin is quarantined")
@interface SandboxConfiguration {

    String PID = "org.aibase.sandbox";

    @AttributeDefinition(name = "Trusted plugins",
            description = "Plugin ids that may run 'security: trusted'; any other plugin declaring it is confined as sandbox")
    String[] trusted_plugins() default {};

    @AttributeDefinition(name = "Default concurrency",
            description = "Tasks a plugin's executor runs at once when its descriptor declares no 'limits.concurrency'")
    int default_concurrency() default 16;

    @AttributeDefinition(name = "Default storage",
            description = "Bytes a plugin's files may take when it declares no 'limits.storage', e.g. 100MB")
    String default_storage() default "100MB";

    @AttributeDefinition(name = "Default timeout",
            description = "Per request, task or outbound call when a plugin declares no 'limits.timeout', e.g. 30s")
    String default_timeout() default "30s";

    @AttributeDefinition(name = "Default memory", description = "Allocation budget per unit of work, e.g. 256MB")
    String default_memory() default "256MB";

    @AttributeDefinition(name = "Default CPU", description = "Cores of CPU time per second")
    double default_cpu() default 1.0;

    @AttributeDefinition(name = "Default jobs", description = "Concurrent background jobs")
    int default_jobs() default 4;

    @AttributeDefinition(name = "Default job timeout", description = "Per background job, e.g. 10m")
    String default_job_timeout() default "10m";

    @AttributeDefinition(name = "Default LLM tokens per hour", description = "LLM tokens in a sliding hour")
    long default_llm_tokens_per_hour() default 100_000L;

    @AttributeDefinition(name = "Work threads",
            description = "Threads that run plugins' requests and tasks, over all plugins; more answer 503")
    int work_threads() default 256;

    @AttributeDefinition(name = "Work thread linger",
            description = "Microseconds a work thread that ended a unit looks for the next before it sleeps (yielding its "
                    + "core meanwhile): under load a unit handed to a thread still awake costs no wake-up; 0 never lingers")
    int work_linger_micros() default PluginGovernor.LINGER_MICROS;

    @AttributeDefinition(name = "Runaway grace",
            description = "How long interrupted work may take to stop before it counts as a runaway, e.g. 5s")
    String runaway_grace() default "5s";

    @AttributeDefinition(name = "Quarantine after runaways",
            description = "Runaways of one plugin within 'quarantine.window' that quarantine it")
    int quarantine_runaways() default 3;

    @AttributeDefinition(name = "Quarantine window",
            description = "The sliding window in which 'quarantine.runaways' runaways quarantine a plugin, e.g. 10m")
    String quarantine_window() default "10m";

    @AttributeDefinition(name = "Work that will not stop",
            description = "Stopped work still running this long after it was stopped quarantines its plugin at once; "
                    + "longer than 'runaway.grace', e.g. 2m")
    String quarantine_stuck_after() default "2m";

    @AttributeDefinition(name = "Quarantine lifted after",
            description = "How long after it began a quarantine is lifted and the plugin started again, unless an operator "
                    + "pinned it, e.g. 15m")
    String quarantine_lift_after() default "15m";
}
