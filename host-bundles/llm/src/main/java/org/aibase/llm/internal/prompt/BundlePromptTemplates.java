package org.aibase.llm.internal.prompt;

import java.util.List;
import java.util.Map;

import org.aibase.api.prompt.PromptTemplates;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link PromptTemplates} a plugin gets: one instance per consuming bundle, reading that bundle's
 * own {@code templates/*.yaml} once, when it first gets the service.
 */
@Component(service = PromptTemplates.class, scope = ServiceScope.BUNDLE)
public final class BundlePromptTemplates implements PromptTemplates {

    private final TemplateSet templates;

    /** Activated by DS for each bundle that gets the service. */
    @Activate
    public BundlePromptTemplates(ComponentContext context) {
        this(TemplateSet.of(context.getUsingBundle()));
    }

    BundlePromptTemplates(TemplateSet templates) {
        this.templates = templates;
    }

    @Override
    public String render(String templateName, Map<String, Object> variables) {
        return templates.render(templateName, variables);
    }

    @Override
    public List<String> templates() {
        return templates.names();
    }
}
