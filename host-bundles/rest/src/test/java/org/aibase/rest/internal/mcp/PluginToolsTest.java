package org.aibase.rest.internal.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;
import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.spec.McpSchema;

class PluginToolsTest {

    private static final PluginDescriptor KEEPER = new PluginDescriptor("keeper", "Keeper", "1.0.0", null, null, null, null,
            null, null, null, null, null, EnumSet.of(Permission.HTTP), null, null, null, null, List.of(
                    new TaskDeclaration("tidy", "Tidies up", CallerRole.USER, Map.of("type", "object",
                            "properties", Map.of("depth", Map.of("type", "integer"))), Map.of("type", "object"),
                            new TaskDeclaration.Hints(Optional.of(false), Optional.of(true), Optional.empty())),
                    new TaskDeclaration("purge", "", CallerRole.ADMIN)));

    @Test
    void everyDeclaredTaskIsAToolNamedPluginDashTask() {
        List<PluginTools.Target> targets = PluginTools.of(7, KEEPER);
        assertEquals(List.of("keeper-tidy", "keeper-purge"), targets.stream().map(PluginTools.Target::tool).toList());
        assertEquals(7, targets.get(0).bundleId());
    }

    @Test
    void anAdminTaskIsOnlyAnAdminsTool() {
        PluginTools.Target purge = PluginTools.of(7, KEEPER).get(1);
        assertFalse(PluginTools.visibleTo(CallerRole.USER, purge));
        assertTrue(PluginTools.visibleTo(CallerRole.ADMIN, purge));
        assertTrue(PluginTools.visibleTo(CallerRole.USER, PluginTools.of(7, KEEPER).get(0)));
    }

    @Test
    void theToolCarriesTheTasksSchemasAndHints() {
        McpSchema.Tool tidy = PluginTools.tool(PluginTools.of(7, KEEPER).get(0));
        assertEquals("Tidies up", tidy.description());
        assertEquals(Map.of("depth", Map.of("type", "integer")), tidy.inputSchema().get("properties"));
        assertEquals(Map.of("type", "object"), tidy.outputSchema());
        assertEquals(Boolean.FALSE, tidy.annotations().readOnlyHint());
        assertEquals(Boolean.TRUE, tidy.annotations().destructiveHint());
        assertNull(tidy.annotations().idempotentHint(), "not stated, not invented");

        McpSchema.Tool purge = PluginTools.tool(PluginTools.of(7, KEEPER).get(1));
        assertEquals("object", purge.inputSchema().get("type"), "no declared input: any object");
        assertNull(purge.outputSchema());
        assertEquals("Task purge of the plugin keeper", purge.description());
    }
}
