package org.aibase.sandbox;

/**
 * Meters one plugin's HTTP requests: the HTTP host tells it when each request starts and when its
 * response ends. The figures are part of the plugin's {@link PluginLoad}.
 */
public interface RequestMeter {

    /** A request was handed to the plugin. */
    void started();

    /** A request's response ended with this status, {@code nanos} after it started. */
    void ended(int status, long nanos);
}
