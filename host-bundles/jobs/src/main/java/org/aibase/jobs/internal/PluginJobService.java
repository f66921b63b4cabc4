package org.aibase.jobs.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.sandbox.CallingPlugin;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link JobService} a plugin gets: one instance per consuming bundle, which the framework names,
 * so a plugin submits and sees only its own jobs.
 */
@Component(service = JobService.class, scope = ServiceScope.BUNDLE)
public final class PluginJobService implements JobService {

    private final PluginJobs jobs;

    @Activate
    public PluginJobService(@Reference JobPlatform platform, ComponentContext context) {
        this.jobs = new PluginJobs(platform.engine(), CallingPlugin.of(context).id(), Clock.systemUTC());
    }

    @Override
    public String submit(String type, String name, String inputJson) {
        return jobs.submit(type, name, inputJson);
    }

    @Override
    public Optional<Job> get(String id) {
        return jobs.get(id);
    }

    @Override
    public JobPage list(JobQuery query) {
        return jobs.list(query);
    }

    @Override
    public Job cancel(String id) {
        return jobs.cancel(id);
    }

    @Override
    public void delete(String id) {
        jobs.delete(id);
    }

    @Override
    public Map<JobStatus, Long> counts() {
        return jobs.counts();
    }
}
