package org.aibase.api.jobs;

import java.util.List;

/**
 * One page of a job listing.
 *
 * @param items the jobs on this page, newest first
 * @param total how many jobs match the query in all pages
 * @param offset the offset asked for
 * @param limit the limit asked for
 */
public record JobPage(List<Job> items, long total, int offset, int limit) {

    /** Creates a page; the list is copied. */
    public JobPage {
        items = List.copyOf(items);
    }
}
