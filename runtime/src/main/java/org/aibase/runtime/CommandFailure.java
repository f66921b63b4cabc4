package org.aibase.runtime;

/**
 * A command that cannot complete, with its exit status and one line for standard error. {@code json} is
 * what a command asked for {@code --json} prints on standard output (the API's error body), when there is one.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient String json;

    CommandFailure(int status, String message) {
        this(status, message, null);
    }

    CommandFailure(int status, String message, String json) {
        super(message);
        this.status = status;
        this.json = json;
    }

    /** A command line that cannot be followed (exit status 2). */
    static CommandFailure usage(String message) {
        return new CommandFailure(ExitStatus.USAGE, message);
    }

    int status() {
        return status;
    }

    /** The API's JSON answer, or null. */
    String json() {
        return json;
    }
}
