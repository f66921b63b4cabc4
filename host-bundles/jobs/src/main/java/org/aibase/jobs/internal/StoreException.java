package org.aibase.jobs.internal;

import java.sql.SQLException;

import org.aibase.api.jobs.JobException;

/** The job store could not be read or written: the platform database is down or refused the statement. */
final class StoreException extends JobException {

    private static final long serialVersionUID = 1L;

    StoreException(String what, SQLException cause) {
        super(UNAVAILABLE, "the job store could not " + what + ": " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ")", cause);
    }
}
