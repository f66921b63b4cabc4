package org.aibase.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The PRSM plugin lifecycle as a service a plugin may register: tasks come in through
 * {@code POST /api/v1/plugins/<id>/tasks}. Initialization and shutdown are the component's DS
 * activate and deactivate.
 */
@ConsumerType
public interface Plugin {

    /**
     * Runs one task. An unknown task type is a failed result (code {@code unknown_task}), not an
     * exception. The platform runs it with the plugin's timeout; past it the caller gets a failed
     * result with code {@code timeout} and the task's thread is interrupted.
     *
     * @param request the task
     * @return the outcome
     */
    TaskResult execute(TaskRequest request);
}
