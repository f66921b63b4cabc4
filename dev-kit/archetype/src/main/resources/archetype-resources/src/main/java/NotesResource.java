package ${package};

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.http.HttpError;
import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobService;
import org.aibase.api.persistence.PersistenceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Notes in the platform's database and a durable summary job, under {@code /api/v1/${pluginId}/notes}:
 * {@code POST} {@code {"text": "..."}} stores one (201), {@code GET /{id}} reads it, {@code POST /summaries}
 * submits the summary job (202 with its id) and {@code GET /summaries/{job}} follows it to its result.
 */
@Component(service = NotesResource.class, configurationPid = "aibase.plugin.${pluginId}")
@PluginEndpoint("${pluginId}")
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
public final class NotesResource {

    private final NoteStore notes;
    private final JobService jobs;
    private volatile int maxTextLength;

    @Activate
    public NotesResource(@Reference PersistenceService persistence, @Reference JobService jobs, PluginConfiguration configuration) {
        this.notes = new NoteStore(persistence);
        this.jobs = jobs;
        this.maxTextLength = configuration.max__text__length();
    }

    /** A configuration change applies to the next request. */
    @Modified
    void modified(PluginConfiguration configuration) {
        this.maxTextLength = configuration.max__text__length();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Map<String, Object> body) {
        Object text = body == null ? null : body.get("text");
        if (!(text instanceof String value) || value.isBlank() || value.length() > maxTextLength) {
            throw HttpError.invalid("text", "text must be a string of 1 to " + maxTextLength + " characters");
        }
        long id = notes.add(value);
        return Response.status(201).entity(Map.of("id", id, "text", value)).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> note(@PathParam("id") long id) {
        Note note = notes.find(id).orElseThrow(() -> HttpError.notFound("no note " + id));
        return Map.of("id", note.id, "text", note.text);
    }

    @POST
    @Path("summaries")
    public Response summarize() {
        String job = jobs.submit(NoteSummaryJob.TYPE, "summary", null);
        return Response.status(202).entity(Map.of("job_id", job)).build();
    }

    @GET
    @Path("summaries/{job}")
    public Map<String, Object> summary(@PathParam("job") String id) {
        Job job = jobs.get(id).orElseThrow(() -> HttpError.notFound("no summary job " + id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("job_id", job.id());
        answer.put("status", job.status().id());
        answer.put("result", job.result().orElse(null));
        answer.put("error", job.error().orElse(null));
        return answer;
    }
}
