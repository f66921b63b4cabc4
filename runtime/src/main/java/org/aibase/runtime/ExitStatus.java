package org.aibase.runtime;

/** The exit statuses of every {@code aibase} command, as README's table lists them. */
final class ExitStatus {

    /** The command did what was asked. */
    static final int OK = 0;
    /** The operation failed or was refused: a JAR is invalid, a plugin is unknown, the runtime said no. */
    static final int FAILED = 1;
    /** The command line cannot be followed. */
    static final int USAGE = 2;
    /** The runtime could not be reached at its URL. */
    static final int UNREACHABLE = 3;
    /** The runtime refused the API key: missing, wrong (401) or not allowed to do this (403). */
    static final int DENIED = 4;

    private ExitStatus() {
    }
}
