package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.aibase.api.plugin.CallerRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
            "GET, /api/v1/health, none",
            "POST, /api/v1/session, none",
            "DELETE, /api/v1/session, none",
            "GET, /api/v1/session, user",
            "POST, /api/v1/health, user",
            "GET, /api/v1/plugins, user",
            "GET, /api/v1/plugins/hello, user",
            "GET, /api/v1/plugins/hello/usage, user",
            "POST, /api/v1/plugins/hello/tasks, user",
            "POST, /api/v1/validate, user",
            "POST, /api/v1/plugins, admin",
            "DELETE, /api/v1/plugins/hello, admin",
            "POST, /api/v1/plugins/hello/start, admin",
            "POST, /api/v1/plugins/hello/stop, admin",
            "POST, /api/v1/plugins/hello/quarantine, admin",
            "GET, /api/v1/plugins/hello/config, admin",
            "PUT, /api/v1/plugins/hello/config, admin",
            "GET, /api/v1/deployments, admin",
            "GET, /api/v1/logs, admin",
            "GET, /metrics, admin",
            "GET, /api/v1/hello/greeting, user",
            "POST, /api/v1/hello/anything, user",
            "GET, /api/v1/jobs, user",
            "GET, /api/v1/jobs/abc/events, user",
            "DELETE, /api/v1/jobs/abc, admin",
            "GET, /api/v1/nowhere, user",
            // spellings that Jersey matches the same way must need the same role
            "POST, /api/v1//plugins/hello/stop/, admin",
            "POST, /api/v1/plugins;x=1/hello/stop, admin",
            "GET, /api/v1/./deployments, admin",
            "GET, /api/v1/hello/../deployments, admin",
            "GET, /api/v1/health/, none",
            // the home page and its files; nothing else is served outside /api/v1 and /metrics
            "GET, /, none",
            "HEAD, /, none",
            "GET, /favicon.ico, none",
            "POST, /, user",
            "GET, /api/v1/ui/, none",
            "GET, /api/v1/ui/home.js, none",
            "POST, /api/v1/ui/, user",
            "GET, /api/v1, user",
            "GET, /api/v1/ui/../deployments, admin",
            "GET, /api/v1/ui/../../metrics, admin",
            "GET, /metrics/, admin",
            "POST, /mcp, user",
            "GET, /mcp, user",
            "DELETE, /mcp, user",
    })
    void decidesTheRoleOfEveryEndpoint(String method, String path, String expected) {
        Optional<CallerRole> required = AccessPolicy.required(method, path);
        assertEquals(expected, required.map(CallerRole::id).orElse("none"));
    }
}
