package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.aibase.api.plugin.SecurityLevel;
import org.junit.jupiter.api.Test;

/** The wiring table as the validator reads it (the sandbox's WiringRulesTest reads the same table through the hook's view). */
class WiringGrantsTest {

    @Test
    void keepsConfinedPluginsOffTheFrameworkAndGivesIsolatedOnesOnlyTheApi() {
        assertFalse(WiringGrants.mayImport(SecurityLevel.SANDBOX, "org.apache.felix.framework"));
        assertTrue(WiringGrants.mayImport(SecurityLevel.ISOLATED, "jakarta.persistence.criteria"));
        assertEquals(List.of("org.aibase.api*", "jakarta.ws.rs*", "jakarta.persistence*"), WiringGrants.allowed(SecurityLevel.ISOLATED));
        assertEquals(List.of("*"), WiringGrants.allowed(SecurityLevel.TRUSTED));
    }

    @Test
    void namesAPluginOfALevelForMessages() {
        assertEquals("a sandbox plugin", WiringGrants.pluginOf(SecurityLevel.SANDBOX));
        assertEquals("an isolated plugin", WiringGrants.pluginOf(SecurityLevel.ISOLATED));
    }
}
