package org.aibase.jobs.internal;

import org.aibase.api.jobs.Job;

/** A job this node just claimed, with the attempt number that guards every later write. */
record ClaimedJob(Job job, int attempt) {
}
