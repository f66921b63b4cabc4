package org.aibase.deployer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator's configuration of the deployer (PID {@value #PID}), e.g. {@code config/org.aibase.deployer.cfg}. */
@ObjectClassDefinition(name = "AI Base Deployer",
        description = "Which plugins the deploy folder accepts and how the deployment log is kept")
@interface DeployerConfiguration {

    String PID = "org.aibase.deployer";

    @AttributeDefinition(name = "Allow libraries",
            description = "Accept plain OSGi bundles without an AIBase-Plugin header in deploy/ (shared libraries)")
    boolean allow_libraries() default false;

    @AttributeDefinition(name = "Maximum memory", description = "Largest 'limits.memory' a plugin may declare, e.g. 4GB")
    String max_memory() default "4GB";

    @AttributeDefinition(name = "Maximum CPU", description = "Largest 'limits.cpu' a plugin may declare, in cores")
    double max_cpu() default 4.0;

    @AttributeDefinition(name = "Maximum concurrency", description = "Largest 'limits.concurrency' a plugin may declare")
    int max_concurrency() default 256;

    @AttributeDefinition(name = "Maximum storage", description = "Largest 'limits.storage' a plugin may declare, e.g. 10GB")
    String max_storage() default "10GB";

    @AttributeDefinition(name = "Maximum timeout", description = "Largest 'limits.timeout' a plugin may declare, e.g. 10m")
    String max_timeout() default "10m";

    @AttributeDefinition(name = "Maximum jobs", description = "Largest 'limits.jobs' a plugin may declare")
    int max_jobs() default 32;

    @AttributeDefinition(name = "Maximum job timeout", description = "Largest 'limits.job_timeout' a plugin may declare, e.g. 24h")
    String max_job_timeout() default "24h";

    @AttributeDefinition(name = "Maximum LLM tokens per hour",
            description = "Largest 'limits.llm_tokens_per_hour' a plugin may declare")
    long max_llm_tokens_per_hour() default 10_000_000L;

    @AttributeDefinition(name = "Deployment log size",
            description = "Bytes after which data/deployments.log is rotated")
    long log_max_bytes() default 5L * 1024 * 1024;

    @AttributeDefinition(name = "Deployment log files",
            description = "How many rotated deployment logs are kept (deployments.log.1 is the newest)")
    int log_files() default 3;
}
