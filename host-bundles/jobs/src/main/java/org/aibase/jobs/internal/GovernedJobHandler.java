package org.aibase.jobs.internal;

import java.util.Optional;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.WorkUnit;

/**
 * A plugin's job handler under the governor's accounting: a job waits to start while its plugin is
 * over {@code limits.cpu}, counts for the plugin's CPU and allocations, and is interrupted past
 * {@code limits.memory} — failing with the governor's reason rather than whatever the interrupt
 * made of it. Its timeout stays the engine's ({@code limits.job_timeout}); a job that ignores the
 * governor's interrupt counts for the quarantine policy like a request that does.
 */
final class GovernedJobHandler implements JobHandler {

    private final JobHandler handler;
    private final Governor governor;
    private final PluginDescriptor plugin;

    GovernedJobHandler(JobHandler handler, Governor governor, PluginDescriptor plugin) {
        this.handler = handler;
        this.governor = governor;
        this.plugin = plugin;
    }

    @Override
    public String run(JobContext context) throws Exception {
        // named by the job, so a quarantine its runaway causes says which job it was
        WorkUnit unit = new WorkUnit(plugin, WorkUnit.Kind.BACKGROUND, "job " + context.id() + " ('" + context.type()
                + "', attempt " + context.attempt() + ")", null);
        Governor.Accounted accounted = governor.account(unit);
        try {
            String result = handler.run(context);
            failIfStopped(accounted.stopped());
            return result;
        } catch (Exception e) {
            failIfStopped(accounted.stopped());
            throw e;
        } finally {
            accounted.close();
        }
    }

    private static void failIfStopped(Optional<GovernorException> stopped) {
        if (stopped.isPresent()) {
            throw stopped.get();
        }
    }
}
