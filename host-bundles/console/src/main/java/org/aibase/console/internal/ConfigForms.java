package org.aibase.console.internal;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.PluginRecord;
import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurations;

/**
 * One form per plugin that declares {@code defaults}: a field per key, its input chosen by the type
 * the default declares (whole number, number, yes/no, text, list), filled with the effective value.
 * Keys that look like secrets get a password field that is never filled: their value is not rendered.
 */
final class ConfigForms {

    private final ObjectMapper json;

    ConfigForms(ObjectMapper json) {
        this.json = json;
    }

    void render(List<PluginRow> rows, PluginConfigurations configurations, StringBuilder html) {
        int forms = 0;
        for (PluginRow row : rows) {
            PluginRecord record = row.record();
            if (record.id().isEmpty() || record.descriptor().isEmpty() || record.descriptor().get().defaults().isEmpty()) {
                continue;
            }
            Map<String, Object> effective;
            try {
                effective = configurations.effective(record.id().get());
            } catch (PluginConfigurationException e) {
                continue; // not installed (e.g. rejected): nothing to configure
            }
            form(record.descriptor().get(), effective, html);
            forms++;
        }
        if (forms == 0) {
            html.append("<p>No installed plugin declares configuration defaults.</p>\n");
        }
    }

    private void form(PluginDescriptor plugin, Map<String, Object> effective, StringBuilder html) {
        String id = Html.attribute(plugin.id());
        html.append("<form class=\"aibase-config\" id=\"config-").append(id).append("\" data-plugin=\"").append(id)
                .append("\"><table class=\"nicetable\"><thead><tr><th colspan=\"3\">").append(Html.text(plugin.name()))
                .append(" (").append(Html.text(plugin.id())).append(") — PID aibase.plugin.").append(Html.text(plugin.id()))
                .append("</th></tr></thead><tbody>");
        for (Map.Entry<String, Object> entry : plugin.defaults().entrySet()) {
            String key = entry.getKey();
            String type = type(entry.getValue());
            Object value = effective.get(key);
            String field = "config-" + plugin.id() + "-" + key;
            html.append("<tr><td><label for=\"").append(Html.attribute(field)).append("\">").append(Html.text(key))
                    .append("</label></td><td>");
            input(field, key, type, value, html);
            html.append("</td><td>").append(Html.text(type));
            if (!SecretNames.looksSecret(key)) {
                html.append(", default ").append(Html.text(text(entry.getValue())));
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table><div class=\"ui-widget-header ui-corner-bottom buttonGroup\">")
                .append("<button type=\"submit\" class=\"ui-button ui-widget ui-state-default ui-corner-all\">Save</button> ")
                .append("<span class=\"aibase-config-result\"></span></div></form>\n");
    }

    private void input(String field, String key, String type, Object value, StringBuilder html) {
        String common = "id=\"" + Html.attribute(field) + "\" name=\"" + Html.attribute(key) + "\" data-type=\"" + type + "\"";
        if (SecretNames.looksSecret(key)) {
            html.append("<input type=\"password\" autocomplete=\"off\" ").append(common).append(" placeholder=\"")
                    .append(value == null || String.valueOf(value).isEmpty() ? "not set" : "set (hidden)")
                    .append("\"/>");
            return;
        }
        switch (type) {
            case "boolean" -> html.append("<input type=\"checkbox\" ").append(common)
                    .append(Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value)) ? " checked=\"checked\"" : "")
                    .append("/>");
            case "integer" -> html.append("<input type=\"number\" step=\"1\" ").append(common).append(" value=\"")
                    .append(Html.attribute(text(value))).append("\"/>");
            case "number" -> html.append("<input type=\"number\" step=\"any\" ").append(common).append(" value=\"")
                    .append(Html.attribute(text(value))).append("\"/>");
            default -> html.append("<input type=\"text\" size=\"40\" ").append(common).append(" value=\"")
                    .append(Html.attribute(text(value))).append("\"/>");
        }
    }

    /** The declared type of a default, as the deployer checks it. */
    static String type(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return "integer";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Collection || value != null && value.getClass().isArray()) {
            return "list";
        }
        return "json";
    }

    /** Text for a field: scalars as they are, lists and maps as JSON. */
    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection || value instanceof Map || value.getClass().isArray()) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }
}
