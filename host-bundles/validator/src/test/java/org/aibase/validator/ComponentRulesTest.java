package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** DS component descriptions of confined plugins: service references within the grants, the plugin's own configuration PID. */
class ComponentRulesTest extends RuleTestSupport {

    private static final String XML = TestJar.COMPONENT;
    private static final String PUBLIC = "org.aibase.api.plugin.PluginContext, org.aibase.api.prompt.PromptTemplates, org.aibase.api.export.TabularExport, "
            + "org.osgi.service.log.LoggerFactory, org.osgi.service.condition.Condition";
    private static final String OWN = "interfaces of the plugin's own packages";

    @Test
    void refusesAReferenceToAServiceNoPluginIsGranted() throws IOException {
        ValidationReport report = validate(TestJar.withComponent(BASE, "", reference("configAdmin", "org.osgi.service.cm.ConfigurationAdmin")));

        assertOnlyError(report, XML, "component org.example.Greeting references org.osgi.service.cm.ConfigurationAdmin"
                + " (reference 'configAdmin'), a service plugins are not granted", PUBLIC + ", and " + OWN);
    }

    @Test
    void anIsolatedPluginMayReferenceOnlyWhatItsOwnJvmOffers() throws IOException {
        String isolated = BASE + "security: isolated\n";
        assertOnlyError(validate(TestJar.withComponent(isolated, "", reference("context", "org.aibase.api.plugin.PluginContext"))),
                XML, "component org.example.Greeting references org.aibase.api.plugin.PluginContext (reference 'context'), "
                        + "a service of the platform's JVM, which an isolated plugin's own JVM does not offer",
                "org.osgi.service.log.LoggerFactory, org.osgi.service.condition.Condition, and " + OWN);
        assertTrue(validate(TestJar.withComponent(isolated, "", reference("log", "org.osgi.service.log.LoggerFactory"))).valid());
    }

    @Test
    void refusesLlmServiceWithoutThePermissionAndAcceptsItWith() throws IOException {
        String llm = reference("llm", "org.aibase.api.llm.LlmService");

        assertOnlyError(validate(TestJar.withComponent(BASE, "", llm)), XML, "component org.example.Greeting references"
                + " org.aibase.api.llm.LlmService (reference 'llm'), without permission 'llm'", PUBLIC + ", and " + OWN);
        assertTrue(validate(TestJar.withComponent(BASE + "permissions: [llm]\n", "", llm)).valid());
    }

    @Test
    void acceptsPublicServicesAndTheGrantedOnes() throws IOException {
        String references = reference("context", "org.aibase.api.plugin.PluginContext")
                + reference("logger", "org.osgi.service.log.LoggerFactory")
                + reference("storage", "org.aibase.api.persistence.PersistenceService")
                + reference("files", "org.aibase.api.files.PluginFiles");

        ValidationReport report = validate(TestJar.withComponent(BASE + "permissions: [storage, files]\n", "", references));

        assertTrue(report.valid(), report.summary());
    }

    @Test
    void namesEveryGrantedServiceInWhatIsAllowed() throws IOException {
        ValidationReport report = validate(TestJar.withComponent(BASE + "permissions: [jobs, metrics.read]\n", "",
                reference("llm", "org.aibase.api.llm.LlmService")));

        assertEquals(PUBLIC + ", org.aibase.api.jobs.JobService, org.aibase.api.metrics.MetricsService, and " + OWN,
                Reports.onlyError(report).allowed());
    }

    @Test
    void acceptsAReferenceToAServiceOfItsOwnPackages() throws IOException {
        TestJar jar = TestJar.withComponent(BASE, "", reference("store", "org.example.store.GreetingStore"))
                .entry("org/example/store/GreetingStore.class", emptyInterface());

        assertTrue(validate(jar).valid(), validate(jar).summary());
    }

    @Test
    void refusesAForeignConfigurationPid() throws IOException {
        assertOnlyError(validate(TestJar.withComponent(BASE, "configuration-pid=\"org.aibase.llm\"", "")), XML,
                "component org.example.Greeting names configuration PID 'org.aibase.llm', not the plugin's own", "aibase.plugin.hello");
        assertTrue(validate(TestJar.withComponent(BASE, "configuration-pid=\"aibase.plugin.hello\"", "")).valid());
    }

    @Test
    void readsDollarAsTheComponentName() throws IOException {
        assertOnlyError(validate(TestJar.withComponent(BASE, "configuration-pid=\"aibase.plugin.hello $\"", "")), XML,
                "component org.example.Greeting names configuration PID 'org.example.Greeting', not the plugin's own",
                "aibase.plugin.hello");
    }

    @Test
    void refusesARequiredConfigurationUnderTheComponentsName() throws IOException {
        assertOnlyError(validate(TestJar.withComponent(BASE, "configuration-policy=\"require\"", "")), XML,
                "component org.example.Greeting requires a configuration under its name 'org.example.Greeting' as PID,"
                        + " not the plugin's own", "configuration-pid aibase.plugin.hello");
        assertTrue(validate(TestJar.withComponent(BASE, "configuration-policy=\"optional\"", "")).valid());
    }

    @Test
    void leavesTrustedPluginsTheOperatorGrantedAlone() throws IOException {
        ValidationContext granted = new ValidationContext("1.0.0", Map.of(), Set.of("hello"), PlatformLimits.DEFAULTS, false);
        TestJar jar = TestJar.withComponent(BASE + "security: trusted\n", "configuration-pid=\"org.aibase.llm\"",
                reference("configAdmin", "org.osgi.service.cm.ConfigurationAdmin"));

        assertEquals(List.of(), validate(jar, granted).findings());
    }

    private static String reference(String name, String service) {
        return "<reference name=\"" + name + "\" interface=\"" + service + "\"/>\n";
    }

    /** The class file of {@code public interface org.example.store.GreetingStore {}}, written with ASM. */
    private static byte[] emptyInterface() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                "org/example/store/GreetingStore", null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }
}
