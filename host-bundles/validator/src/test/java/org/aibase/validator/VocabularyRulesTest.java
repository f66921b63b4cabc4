package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.aibase.api.plugin.SecurityLevel;
import org.junit.jupiter.api.Test;

class VocabularyRulesTest extends RuleTestSupport {

    private static final String PERMISSIONS = "llm, storage, jobs, http, metrics.read, network, files";

    @Test
    void refusesAnUnknownCategoryNamingTheCategories() throws IOException {
        assertOnlyError(validate(BASE + "category: games\n"), "plugin.yaml/category", "'games' is not a category",
                "ai_model, data_processor, integration, analytics, utility");
    }

    @Test
    void refusesAnUnknownSecurityLevelNamingTheLevels() throws IOException {
        assertOnlyError(validate(BASE + "security: root\n"), "plugin.yaml/security", "'root' is not a security level",
                "sandbox, isolated, trusted");
    }

    @Test
    void refusesAnUnknownPermissionNamingThePermissions() throws IOException {
        assertOnlyError(validate(BASE + "permissions: [llm, admin]\n"), "plugin.yaml/permissions",
                "'admin' is not a permission", PERMISSIONS);
    }

    @Test
    void refusesCapabilitiesThatAreNotWords() throws IOException {
        assertOnlyError(validate(BASE + "capabilities: [data_analysis, Ai-Insights]\n"), "plugin.yaml/capabilities",
                "'Ai-Insights' is not a capability",
                "words of lower-case letters, digits and '_' ([a-z0-9_]+), e.g. data_analysis");
    }

    @Test
    void refusesIsolatedWithAPermissionAJvmCannotBeGiven() throws IOException {
        assertOnlyError(validate(BASE + "security: isolated\npermissions: [http, files]\n"), "plugin.yaml/permissions",
                "'files' is not available at security level isolated", "llm, jobs, http");
        assertOnlyError(validate(BASE + "security: isolated\npermissions: [http, storage]\n"), "plugin.yaml/permissions",
                "'storage' is not available at security level isolated yet: a plugin in its own JVM reaches the platform's "
                + "llm and jobs services, but its storage does not reach its JVM yet (use security: sandbox for it)",
                "llm, jobs, http");
        assertTrue(validate(BASE + "security: isolated\npermissions: [http, jobs]\n").valid());
        assertTrue(validate(BASE + "security: isolated\npermissions: [http, llm]\n").valid());
    }

    @Test
    void refusesTrustedWithoutTheOperatorsGrant() throws IOException {
        assertOnlyError(validate(BASE + "security: trusted\n"), "plugin.yaml/security",
                "'trusted' is not granted to plugin 'hello' by the operator",
                "sandbox or isolated; trusted only for plugin ids the operator lists in the sandbox configuration");
    }

    @Test
    void acceptsTrustedWithTheOperatorsGrant() throws IOException {
        ValidationContext granted = new ValidationContext("1.0.0", Map.of(), Set.of("hello"), PlatformLimits.DEFAULTS, false);

        ValidationReport report = validate(TestJar.plugin(BASE + "security: trusted\n"), granted);

        assertTrue(report.valid(), report.summary());
        assertEquals(SecurityLevel.TRUSTED, report.descriptor().orElseThrow().security());
    }

    @Test
    void refusesNetworkWithoutHosts() throws IOException {
        assertOnlyError(validate(BASE + "permissions: [network]\n"), "plugin.yaml/network_hosts",
                "is missing or empty, but the 'network' permission is asked for",
                "the host names such as api.example.org (no scheme, port, path or wildcard) the plugin calls");
        assertEquals(1, validate(BASE + "permissions: [network]\nnetwork_hosts: []\n").findings(Severity.ERROR).size());
    }

    @Test
    void refusesHostsWithoutNetwork() throws IOException {
        assertOnlyError(validate(BASE + "network_hosts: [api.example.org]\n"), "plugin.yaml/network_hosts",
                "lists hosts, but the 'network' permission is not asked for", "no hosts, or add 'network' to permissions");
        assertTrue(validate(BASE + "network_hosts: []\n").valid(), "an empty list is as good as none");
    }

    @Test
    void refusesMalformedHostNames() throws IOException {
        for (String host : new String[] {"https://api.example.org", "api.example.org:443", "*.example.org", "-x.org", "a b"}) {
            assertOnlyError(validate(BASE + "permissions: [network]\nnetwork_hosts: [\"" + host + "\"]\n"),
                    "plugin.yaml/network_hosts", "'" + host + "' is not a host name",
                    "host names such as api.example.org (no scheme, port, path or wildcard), in lower case");
        }
    }

    @Test
    void acceptsWellFormedHosts() throws IOException {
        ValidationReport report = validate(BASE + "permissions: [network]\nnetwork_hosts: [api.openai.com, localhost, 10.0.0.7]\n");

        assertTrue(report.valid(), report.summary());
    }
}
