package org.aibase.api.jobs;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which jobs to list, newest first: an optional type, any of some statuses (all when empty) and a
 * page.
 *
 * @param type only jobs of this type, when present
 * @param statuses only jobs in one of these statuses; every status when empty
 * @param offset how many matching jobs to skip (0 or more)
 * @param limit how many to return at most (1..{@value #MAX_LIMIT})
 */
public record JobQuery(Optional<String> type, Set<JobStatus> statuses, int offset, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    /** Every job, first page of 50. */
    public static final JobQuery ALL = new JobQuery(Optional.empty(), Set.of(), 0, 50);

    /**
     * Creates a query.
     *
     * @throws IllegalArgumentException naming the field when the offset or limit is out of range
     */
    public JobQuery {
        type = Objects.requireNonNullElse(type, Optional.empty());
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** This query restricted to one type. */
    public JobQuery withType(String jobType) {
        return new JobQuery(Optional.of(jobType), statuses, offset, limit);
    }

    /** This query restricted to some statuses. */
    public JobQuery withStatuses(Set<JobStatus> wanted) {
        return new JobQuery(type, wanted, offset, limit);
    }

    /** This query for another page. */
    public JobQuery page(int pageOffset, int pageLimit) {
        return new JobQuery(type, statuses, pageOffset, pageLimit);
    }
}
