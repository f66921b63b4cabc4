package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.aibase.testkit.AIBaseRuntime;
import org.aibase.testkit.ApiResponse;
import org.aibase.testkit.RunningRuntime;
import org.junit.jupiter.api.Test;

/** The built plugin in the real runtime: notes in its database, the summary as a durable job. */
@AIBaseRuntime
class NotesIT {

    @Test
    void storesNotesAndSummarizesThemInAJob(RunningRuntime runtime) throws InterruptedException {
        ApiResponse added = runtime.post("/notes", "{\"text\":\"buy milk\"}");
        assertEquals(201, added.status(), added.body());
        long id = added.json().path("id").asLong();
        assertEquals("buy milk", runtime.get("/notes/" + id).json().path("text").asText());
        assertEquals(201, runtime.post("/notes", "{\"text\":\"call Ada back\"}").status());

        ApiResponse submitted = runtime.post("/notes/summaries", "{}");
        assertEquals(202, submitted.status(), submitted.body());
        String job = submitted.json().path("job_id").asText();

        JsonNode summary = null;
        for (int i = 0; i < 300; i++) {
            summary = runtime.get("/notes/summaries/" + job).json();
            if (summary.path("status").asText().equals("completed")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("completed", summary.path("status").asText(), summary.toString());
        assertTrue(summary.path("result").asText().contains("Notes: 2 notes, 5 words"), summary.toString());
        assertEquals(2, runtime.task("count", "{}").json().path("data").path("count").asInt());
    }

    @Test
    void anEmptyNoteIsRefusedNamingTheField(RunningRuntime runtime) {
        ApiResponse answer = runtime.post("/notes", "{\"text\":\"\"}");
        assertEquals(422, answer.status(), answer.body());
        assertEquals("text", answer.json().path("error").path("details").path("field").asText(), answer.body());
    }
}
