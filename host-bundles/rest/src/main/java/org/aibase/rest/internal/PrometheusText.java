package org.aibase.rest.internal;

import java.util.Map;

/** Writes the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {

    private final StringBuilder out = new StringBuilder();

    void family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A sample, labelled with the plugin when one is given. */
    void sample(String name, String plugin, double value) {
        out.append(name);
        if (plugin != null) {
            out.append("{plugin=\"").append(escape(plugin)).append("\"}");
        }
        out.append(' ').append(format(value)).append('\n');
    }

    /** A sample with several labels, written in the map's order. */
    void labelled(String name, Map<String, String> labels, double value) {
        out.append(name).append('{');
        String separator = "";
        for (Map.Entry<String, String> label : labels.entrySet()) {
            out.append(separator).append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            separator = ",";
        }
        out.append("} ").append(format(value)).append('\n');
    }

    void quantile(String name, String plugin, String quantile, double value) {
        out.append(name).append("{plugin=\"").append(escape(plugin)).append("\",quantile=\"").append(quantile)
                .append("\"} ").append(format(value)).append('\n');
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** Label values escape backslash, quote and newline. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
