package org.aibase.jobs.internal;

/** A pending job a node might claim: enough to pick its handler. */
record PendingJob(String id, String plugin, String type) {
}
