package org.aibase.llm.internal.prompt;

import java.util.List;
import java.util.Map;

import org.aibase.llm.PluginPrompts;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;

/**
 * {@link PluginPrompts} over each plugin's own {@code templates/*.yaml}, read when asked (a
 * listing or a rendering is rare next to reading the files, and always sees the installed revision).
 */
@Component(service = PluginPrompts.class)
public final class BundlePrompts implements PluginPrompts {

    @Override
    public List<Prompt> prompts(Bundle plugin) {
        return TemplateSet.of(plugin).readable().stream()
                .map(t -> new Prompt(t.name(), t.description(), t.variables().stream()
                        .map(v -> new Argument(v.name(), v.type().id(), v.description())).toList()))
                .toList();
    }

    @Override
    public String render(Bundle plugin, String template, Map<String, String> arguments) {
        return TemplateSet.of(plugin).renderText(template, arguments);
    }
}
