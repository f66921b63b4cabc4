package org.aibase.llm.internal.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aibase.api.prompt.PromptTemplateException;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The templates of one bundle, by name. A file that cannot be read is kept as its problem under the
 * file's base name, so rendering it reports why instead of "no such template".
 */
final class TemplateSet {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSet.class);

    private final Map<String, PromptTemplate> templates;
    private final Map<String, PromptTemplateException> problems;

    TemplateSet(Map<String, PromptTemplate> templates, Map<String, PromptTemplateException> problems) {
        this.templates = Map.copyOf(templates);
        this.problems = Map.copyOf(problems);
    }

    /** Reads {@code templates/*.yaml} from the bundle (its own entries, not its imports). */
    static TemplateSet of(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries("templates", "*.yaml", false);
        Map<String, String> files = new TreeMap<>();
        for (URL url : entries == null ? List.<URL>of() : Collections.list(entries)) {
            try (InputStream in = url.openStream()) {
                files.put(url.getPath().replaceFirst("^/", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                files.put(url.getPath(), "");
                LOG.warn("cannot read {} of bundle {}: {}", url.getPath(), bundle.getSymbolicName(), e.toString());
            }
        }
        return parse(files, bundle.getSymbolicName());
    }

    /** Parses files (path to text); {@code owner} names the bundle in warnings. */
    static TemplateSet parse(Map<String, String> files, String owner) {
        Map<String, PromptTemplate> templates = new TreeMap<>();
        Map<String, PromptTemplateException> problems = new TreeMap<>();
        files.forEach((path, text) -> {
            try {
                PromptTemplate t = TemplateFile.read(path, text);
                if (templates.putIfAbsent(t.name(), t) != null) {
                    throw new PromptTemplateException(t.name(), path + ": another file already defines template '"
                            + t.name() + "'");
                }
            } catch (PromptTemplateException e) {
                LOG.warn("{}: {}", owner, e.getMessage());
                problems.put(baseName(path), e);
            }
        });
        return new TemplateSet(templates, problems);
    }

    List<String> names() {
        return List.copyOf(templates.keySet());
    }

    /** The templates that could be read, by name. */
    java.util.Collection<PromptTemplate> readable() {
        return new java.util.TreeMap<>(templates).values();
    }

    /** Renders from text values (MCP prompt arguments), each converted to its declared type. */
    String renderText(String name, Map<String, String> texts) {
        PromptTemplate template = templates.get(name);
        if (template == null) {
            return render(name, Map.of()); // reports the problem or the missing template
        }
        return template.renderText(texts == null ? Map.of() : texts);
    }

    String render(String name, Map<String, Object> variables) {
        PromptTemplate template = templates.get(name);
        if (template != null) {
            return template.render(variables == null ? Map.of() : variables);
        }
        PromptTemplateException problem = problems.get(name);
        if (problem != null) {
            throw problem;
        }
        throw new PromptTemplateException(name, "no template '" + name + "' in templates/*.yaml; there are "
                + new ArrayList<>(templates.keySet()));
    }

    private static String baseName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".yaml") ? file.substring(0, file.length() - ".yaml".length()) : file;
    }
}
