package org.aibase.isolation.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.api.jobs.JobContext;
import org.aibase.sandbox.Requester;

/**
 * The runtime's calls into isolated plugins' JVMs that are under way, by call id: what a child's call
 * back into the runtime made while serving one of them acts for. A request's or task's caller is the
 * requester of what the plugin does for it (a job it submits is theirs, as in-process); a job's
 * attempt takes the progress its handler reports. A call counts only for the plugin it was made to.
 */
final class CallsInFlight {

    /** One call: the stand-in of the plugin it was made to, for whom, and the job attempt it runs (if one). */
    private record InFlight(long standInId, Optional<String> requester, JobContext job) {
    }

    private final Map<String, InFlight> calls = new ConcurrentHashMap<>();

    /** The call is made now on this thread, for the requester current here; end it with the scope. */
    Scope begin(String call, long standInId) {
        calls.put(call, new InFlight(standInId, Requester.current(), null));
        return () -> calls.remove(call);
    }

    /** The call runs an attempt of the job; end it with the scope. */
    Scope beginJob(String call, long standInId, JobContext job) {
        calls.put(call, new InFlight(standInId, Optional.empty(), job));
        return () -> calls.remove(call);
    }

    /** For whom the plugin acts when it calls back while serving the call. */
    Optional<String> requester(String call, long standInId) {
        InFlight found = call == null ? null : calls.get(call);
        return found != null && found.standInId() == standInId ? found.requester() : Optional.empty();
    }

    /** The job attempt the call runs, if it is one of the plugin's. */
    Optional<JobContext> job(String call, long standInId) {
        InFlight found = call == null ? null : calls.get(call);
        return found != null && found.standInId() == standInId ? Optional.ofNullable(found.job()) : Optional.empty();
    }

    /** The time a call is under way. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
