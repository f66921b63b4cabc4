package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aibase.testkit.AIBaseRuntime;
import org.aibase.testkit.ApiResponse;
import org.aibase.testkit.RunningRuntime;
import org.junit.jupiter.api.Test;

/** The built plugin in the real runtime (started by the test kit for this class, with the plugin deployed). */
@AIBaseRuntime
class GreetingIT {

    @Test
    void greetsOverHttp(RunningRuntime runtime) {
        ApiResponse answer = runtime.get("/greeting?name=Ada");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Hello, Ada!", answer.json().path("message").asText());
    }

    @Test
    void aMissingNameIsRefusedNamingTheField(RunningRuntime runtime) {
        ApiResponse answer = runtime.get("/greeting");
        assertEquals(422, answer.status(), answer.body());
        assertEquals("name", answer.json().path("error").path("details").path("field").asText(), answer.body());
    }

    @Test
    void greetsAsATask(RunningRuntime runtime) {
        ApiResponse answer = runtime.task("greet", "{\"name\":\"Grace\"}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Hello, Grace!", answer.json().path("data").path("message").asText(), answer.body());
    }
}
