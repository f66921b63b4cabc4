package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.aibase.sandbox.PluginConfigurationException;
import org.junit.jupiter.api.Test;

class PluginConfigResourceTest {

    private final InMemoryPluginConfigurations configurations = new InMemoryPluginConfigurations();
    private final PluginConfigResource resource = new PluginConfigResource(configurations);

    @Test
    void mergesValuesAndReportsTypeErrorsAs422NamingTheKey() {
        configurations.defaults.put("analytics", Map.of("max_data_points", 10000, "generate_charts", true));
        assertEquals(10000, resource.effective("analytics").get("max_data_points"));
        Map<String, Object> updated = resource.update("analytics", Map.of("max_data_points", 5));
        assertEquals(5, updated.get("max_data_points"));
        assertEquals(true, updated.get("generate_charts"), "merged, not replaced");

        Map<String, Object> reset = new HashMap<>();
        reset.put("max_data_points", null);
        assertEquals(10000, resource.update("analytics", reset).get("max_data_points"), "null restores the default");

        PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                () -> resource.update("analytics", Map.of("generate_charts", "yes")));
        var error = ErrorBodies.error(new PluginConfigurationExceptionMapper().toResponse(e), 422, "invalid");
        assertTrue(((String) error.get("message")).contains("generate_charts"));
    }

    @Test
    void anUnknownPluginIs404AndAMissingBody400() {
        assertEquals(PluginConfigurationException.Kind.NOT_FOUND,
                assertThrows(PluginConfigurationException.class, () -> resource.effective("ghost")).kind());
        assertEquals(400, assertThrows(ApiException.class, () -> resource.update("ghost", null)).status());
    }
}
