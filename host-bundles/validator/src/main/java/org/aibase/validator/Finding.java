package org.aibase.validator;

import java.util.Objects;

/**
 * One problem found in a plugin JAR.
 *
 * @param severity whether it refuses the plugin
 * @param location the file, entry or field concerned, e.g. {@code META-INF/MANIFEST.MF} or {@code plugin.yaml/id}
 * @param message what is wrong
 * @param allowed what would be accepted instead; empty when there is nothing useful to say
 */
public record Finding(Severity severity, String location, String message, String allowed) {

    /** Creates a finding; all components are required, {@code allowed} may be empty. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(allowed, "allowed");
    }

    /** An error at the given location. */
    public static Finding error(String location, String message, String allowed) {
        return new Finding(Severity.ERROR, location, message, allowed);
    }

    /** A warning at the given location. */
    public static Finding warning(String location, String message, String allowed) {
        return new Finding(Severity.WARNING, location, message, allowed);
    }

    /** JSON-shaped: {@code {"severity":"error","location":...,"message":...,"allowed":...}}. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
        map.put("location", location);
        map.put("message", message);
        map.put("allowed", allowed);
        return map;
    }

    /** The finding as a report prints it: {@code error   location: message (allowed: ...)}, severities aligned. */
    public String line() {
        return (severity == Severity.ERROR ? "error  " : "warning") + " " + describe();
    }

    /** One line for logs and reports: {@code location: message (allowed: ...)}. */
    public String describe() {
        return allowed.isEmpty()
                ? location + ": " + message
                : location + ": " + message + " (allowed: " + allowed + ")";
    }
}
