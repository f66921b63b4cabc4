package org.aibase.api.metrics;

import org.aibase.api.plugin.PluginException;

/** A metrics request that cannot be answered; the code says why. */
public class MetricsException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** An unknown metric, or an empty or inverted time range. */
    public static final String INVALID_QUERY = "invalid_query";
    /** The plugin does not hold {@code metrics.read}. */
    public static final String NOT_PERMITTED = "not_permitted";
    /** The history cannot be read (the database is unreachable). */
    public static final String UNAVAILABLE = "unavailable";

    /** Creates an exception with a code and message. */
    public MetricsException(String code, String message) {
        super(code, message);
    }

    /** Creates an exception with a code, message and cause. */
    public MetricsException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
