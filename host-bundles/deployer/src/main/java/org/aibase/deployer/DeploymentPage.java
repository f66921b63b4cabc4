package org.aibase.deployer;

import java.util.List;

/**
 * A page of the deployment log, newest first.
 *
 * @param events the events on this page
 * @param total how many events the log holds in all
 * @param offset the index of the first event on this page
 * @param limit the page size asked for
 */
public record DeploymentPage(List<DeploymentEvent> events, long total, int offset, int limit) {

    /** Creates a page; the events are copied. */
    public DeploymentPage {
        events = List.copyOf(events);
    }
}
