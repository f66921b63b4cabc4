package org.aibase.jobs.internal;

/** A job recorded as running, as recovery sees it: whose it is, its attempt and its handler's policy. */
record RunningJob(String id, String plugin, String node, int attempt, boolean idempotent) {
}
