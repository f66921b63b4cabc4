package ${package};

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.llm.LlmService;
import org.aibase.api.prompt.PromptTemplates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/${pluginId}/ask?question=...} answers {@code {"answer": "...", "model": "..."}}. A DS
 * component marked {@code @PluginEndpoint("${pluginId}")}; the LLM service is granted by the {@code llm}
 * permission (without it, the validator refuses the reference).
 */
@Component(service = AskResource.class, configurationPid = "aibase.plugin.${pluginId}")
@PluginEndpoint("${pluginId}")
@Path("ask")
public final class AskResource {

    private final LlmService llm;
    private final PromptTemplates templates;
    private volatile Advisor advisor;

    @Activate
    public AskResource(@Reference LlmService llm, @Reference PromptTemplates templates, PluginConfiguration configuration) {
        this.llm = llm;
        this.templates = templates;
        this.advisor = new Advisor(llm, templates, configuration);
    }

    /** A configuration change applies to the next request. */
    @Modified
    void modified(PluginConfiguration configuration) {
        this.advisor = new Advisor(llm, templates, configuration);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> ask(@QueryParam("question") String question) {
        return advisor.answer(question);
    }
}
