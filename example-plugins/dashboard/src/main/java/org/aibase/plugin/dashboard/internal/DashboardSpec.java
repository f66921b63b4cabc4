package org.aibase.plugin.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;

/**
 * A dashboard as a user describes it ({@code config} of {@code create_dashboard}, or the body of an
 * update): a name, an optional description and time range, and its widgets. {@link #parse} names every
 * problem at once.
 */
public record DashboardSpec(String name, String description, TimeRange timeRange, List<Widget> widgets) {

    public static final int MAX_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;
    private static final Pattern PLUGIN_ID = Pattern.compile(PluginDescriptor.ID_PATTERN);

    /** A valid spec, or every problem found. */
    public record Parsed(Optional<DashboardSpec> spec, List<Problem> problems) {
    }

    /**
     * @param config the JSON object
     * @param prefix the field path prefix, e.g. {@code config}
     * @param dataSources the metric names a widget may show
     * @param maxWidgets the most widgets a dashboard may have
     */
    public static Parsed parse(Object config, String prefix, Set<String> dataSources, int maxWidgets) {
        List<Problem> problems = new ArrayList<>();
        if (!(config instanceof Map<?, ?> map)) {
            problems.add(new Problem(prefix, "must be an object with name and widgets"));
            return new Parsed(Optional.empty(), problems);
        }
        String name = text(map.get("name"), prefix + ".name", MAX_NAME, true, problems);
        String description = text(map.get("description"), prefix + ".description", MAX_DESCRIPTION, false, problems);
        TimeRange range = range(map.get("time_range"), prefix + ".time_range", problems).orElse(TimeRange.HOUR);
        List<Widget> widgets = new ArrayList<>();
        Object list = map.get("widgets");
        if (!(list instanceof List<?> items)) {
            problems.add(new Problem(prefix + ".widgets", list == null ? "is required: a list of 1 to " + maxWidgets + " widgets"
                    : "must be a list of 1 to " + maxWidgets + " widgets"));
        } else if (items.isEmpty() || items.size() > maxWidgets) {
            problems.add(new Problem(prefix + ".widgets", "must hold 1 to " + maxWidgets + " widgets, got " + items.size()));
        } else {
            for (int i = 0; i < items.size(); i++) {
                widget(items.get(i), prefix + ".widgets[" + i + "]", dataSources, problems).ifPresent(widgets::add);
            }
        }
        return problems.isEmpty()
                ? new Parsed(Optional.of(new DashboardSpec(name, description, range, widgets)), List.of())
                : new Parsed(Optional.empty(), problems);
    }

    private static Optional<Widget> widget(Object item, String field, Set<String> dataSources, List<Problem> problems) {
        if (!(item instanceof Map<?, ?> w)) {
            problems.add(new Problem(field, "must be an object with type and data_source"));
            return Optional.empty();
        }
        int before = problems.size();
        Object type = w.get("type");
        if (!(type instanceof String t) || !Widget.TYPES.contains(t)) {
            problems.add(new Problem(field + ".type", (type == null ? "is required" : "'" + type + "' is not a widget type")
                    + " (allowed: " + String.join(", ", Widget.TYPES) + ")"));
        }
        Object source = w.get("data_source");
        if (!(source instanceof String s) || !dataSources.contains(s)) {
            problems.add(new Problem(field + ".data_source", (source == null ? "is required" : "'" + source + "' is not a metric")
                    + " (allowed: " + String.join(", ", dataSources.stream().sorted().toList()) + ")"));
        }
        String title = text(w.get("title"), field + ".title", MAX_NAME, false, problems);
        Object plugin = w.get("plugin");
        if (plugin != null && !(plugin instanceof String p && PLUGIN_ID.matcher(p).matches())) {
            problems.add(new Problem(field + ".plugin", "must be a plugin id (" + PluginDescriptor.ID_PATTERN + "), got '" + plugin + "'"));
        }
        Optional<TimeRange> range = w.get("time_range") == null ? Optional.empty()
                : range(w.get("time_range"), field + ".time_range", problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Widget((String) type, (String) source, title.isEmpty() ? (String) source : title,
                Optional.ofNullable((String) plugin), range));
    }

    private static Optional<TimeRange> range(Object value, String field, List<Problem> problems) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<TimeRange> range = value instanceof String s ? TimeRange.fromId(s) : Optional.empty();
        if (range.isEmpty()) {
            problems.add(new Problem(field, "'" + value + "' is not a time range (allowed: " + TimeRange.allowed() + ")"));
        }
        return range;
    }

    private static String text(Object value, String field, int max, boolean required, List<Problem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new Problem(field, "is required: 1 to " + max + " characters"));
            }
            return "";
        }
        if (!(value instanceof String s)) {
            problems.add(new Problem(field, "must be a string of " + (required ? 1 : 0) + " to " + max + " characters"));
            return "";
        }
        String stripped = s.strip();
        if ((required && stripped.isEmpty()) || stripped.length() > max) {
            problems.add(new Problem(field, "must be " + (required ? 1 : 0) + " to " + max + " characters, got " + stripped.length()));
        }
        return stripped;
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("description", description);
        json.put("time_range", timeRange.id());
        json.put("widgets", widgets.stream().map(Widget::json).toList());
        return json;
    }
}
