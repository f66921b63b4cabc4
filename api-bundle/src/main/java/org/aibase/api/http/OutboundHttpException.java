package org.aibase.api.http;

import org.aibase.api.plugin.PluginException;

/**
 * Why an outbound call was refused or failed; the code is one of the constants here.
 */
public class OutboundHttpException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** The host is not among the plugin's {@code network_hosts}. */
    public static final String HOST_NOT_ALLOWED = "host_not_allowed";
    /** Only {@code http} and {@code https} URIs may be called. */
    public static final String SCHEME_NOT_ALLOWED = "scheme_not_allowed";
    /** The plugin does not hold the {@code network} permission. */
    public static final String NOT_PERMITTED = "not_permitted";
    /** The call did not complete in time. */
    public static final String TIMEOUT = "timeout";
    /** The calling thread was interrupted (e.g. its request timed out). */
    public static final String INTERRUPTED = "interrupted";
    /** Connecting, sending or receiving failed. */
    public static final String NETWORK_ERROR = "network_error";

    /** Creates an exception with a code and a message for people. */
    public OutboundHttpException(String code, String message) {
        super(code, message);
    }

    /** Creates an exception with a code, a message and its cause. */
    public OutboundHttpException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
