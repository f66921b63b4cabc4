package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class LogQueryTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheNewest200LinesOfEveryPlugin() {
        LogQuery query = LogQuery.parse(null, null, null, NOW);
        assertEquals(new LogQuery(Optional.empty(), Optional.empty(), 200), query);
        assertTrue(query.pluginFilter().test("anything"));
    }

    @Test
    void readsSinceAsAnInstantOrADurationBackFromNow() {
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), LogQuery.parse(null, "2026-12-04T10:00:00Z", null, NOW).since().orElseThrow());
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), LogQuery.parse(null, "2026-12-04T11:00:00+01:00", null, NOW).since().orElseThrow());
        assertEquals(Instant.parse("2026-12-04T11:50:00Z"), LogQuery.parse(null, "10m", null, NOW).since().orElseThrow());
        assertEquals(Instant.parse("2026-12-04T11:59:30Z"), LogQuery.parse(null, "30s", null, NOW).since().orElseThrow());
        assertEquals(Instant.parse("2026-12-03T12:00:00Z"), LogQuery.parse(null, "1d", null, NOW).since().orElseThrow());
        assertEquals(Instant.parse("2026-12-04T10:00:00Z"), LogQuery.parse(null, "PT2H", null, NOW).since().orElseThrow());
    }

    @Test
    void refusesEachBadParameterNamingItAndWhatIsAllowed() {
        ApiException since = assertThrows(ApiException.class, () -> LogQuery.parse(null, "yesterday", null, NOW));
        assertEquals(400, since.status());
        assertEquals("since", since.details().get("parameter"));
        assertTrue(since.getMessage().contains("'yesterday'") && since.getMessage().contains("allowed: an ISO-8601 instant"),
                since.getMessage());
        for (String limit : new String[] {"0", "5001", "abc", "-3"}) {
            ApiException e = assertThrows(ApiException.class, () -> LogQuery.parse(null, null, limit, NOW));
            assertEquals("limit", e.details().get("parameter"));
            assertTrue(e.getMessage().endsWith("(allowed: a whole number from 1 to 5000)"), e.getMessage());
        }
        ApiException plugin = assertThrows(ApiException.class, () -> LogQuery.parse("Hello-1", null, null, NOW));
        assertEquals("plugin", plugin.details().get("parameter"));
    }

    @Test
    void aPluginFilterKeepsLinesNamingTheIdAsAWordOfItsOwn() {
        Predicate<String> query = LogQuery.parse("hello", null, "5000", NOW).pluginFilter();
        assertTrue(query.test("[WARN] ChildProcess - [hello] Exception in thread"));
        assertTrue(query.test("[INFO] Deployer - plugin 'hello' active"));
        assertTrue(query.test("[INFO] PendingDeployments - Deployed hello.jar (hello 1.0.0) in 5042 ms"));
        assertTrue(query.test("[WARN] Governor - GET /api/v1/hello/greeting timed out"));
        assertTrue(query.test("hello"));
        assertFalse(query.test("[INFO] Deployer - plugin 'hello_world' active"));
        assertFalse(query.test("[INFO] Deployer - plugin 'othello' active"));
        assertFalse(query.test("[INFO] org.example.hello.Greeting - Hello there"));
        assertFalse(query.test("[INFO] see http://hello-world.example/"));
    }
}
