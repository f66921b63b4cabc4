package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** The resolver hook in a real framework: what plugins may wire to, by security level. */
class PluginWiringTest {

    @TempDir
    Path dir;

    private TestFramework framework;
    private BundleContext context;

    @BeforeEach
    void start() throws Exception {
        framework = new TestFramework(dir.resolve("cache"), "trustme");
        context = framework.context();
        TestBundles.platform("org.example.platform")
                .exports("org.aibase.api.plugin,org.apache.felix.scr.impl,com.fasterxml.jackson.core,jakarta.ws.rs")
                .start(context);
    }

    @AfterEach
    void stop() throws Exception {
        framework.close();
    }

    @Test
    void aSandboxPluginWiresToTheApiAndSafeLibraries() throws Exception {
        Bundle plugin = TestBundles.plugin("good", "").imports("org.aibase.api.plugin,com.fasterxml.jackson.core,jakarta.ws.rs")
                .start(context);

        assertEquals(Bundle.ACTIVE, plugin.getState());
    }

    @Test
    void aSandboxPluginImportingAPlatformInternalFailsNamingThePackage() throws Exception {
        BundleException refused = assertThrows(BundleException.class,
                () -> TestBundles.plugin("snoop", "").imports("org.aibase.api.plugin,org.apache.felix.scr.impl").start(context));

        assertTrue(refused.getMessage().contains("osgi.wiring.package=org.apache.felix.scr.impl"), refused.getMessage());
    }

    @Test
    void anIsolatedPluginMayNotUseTheSafeLibraries() throws Exception {
        BundleException refused = assertThrows(BundleException.class, () -> TestBundles.plugin("iso", "security: isolated\n")
                .imports("com.fasterxml.jackson.core").start(context));

        assertTrue(refused.getMessage().contains("com.fasterxml.jackson.core"), refused.getMessage());
        assertEquals(Bundle.ACTIVE, TestBundles.plugin("iso2", "security: isolated\n")
                .imports("org.aibase.api.plugin,jakarta.ws.rs").start(context).getState());
    }

    @Test
    void requireBundleIsRefusedToASandboxPlugin() throws Exception {
        BundleException refused = assertThrows(BundleException.class, () -> TestBundles.plugin("whole", "")
                .header("Require-Bundle", "org.example.platform").start(context));

        assertTrue(refused.getMessage().contains("osgi.wiring.bundle"), refused.getMessage());
    }

    @Test
    void aPluginFragmentDoesNotAttachToAPlatformBundle() throws Exception {
        Bundle fragment = TestBundles.plugin("graft", "").header("Fragment-Host", "org.example.host").install(context);
        Bundle host = TestBundles.platform("org.example.host").install(context);

        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(host, fragment));

        assertEquals(Bundle.RESOLVED, host.getState());
        assertEquals(Bundle.INSTALLED, fragment.getState());
        assertTrue(host.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.host").isEmpty());
    }

    @Test
    void aPluginExportingAPlatformPackageDoesNotProvideItToOthers() throws Exception {
        Bundle hijacker = TestBundles.plugin("hijack", "").exports("org.aibase.api.x").start(context);
        assertEquals(Bundle.ACTIVE, hijacker.getState(), "its own export is its own business");

        BundleException refused = assertThrows(BundleException.class,
                () -> TestBundles.platform("org.example.victim").imports("org.aibase.api.x").start(context));
        assertTrue(refused.getMessage().contains("org.aibase.api.x"), refused.getMessage());
    }

    @Test
    void aPluginExportingJacksonDoesNotReplaceThePlatformsForOthers() throws Exception {
        TestBundles.plugin("fakejackson", "").exports("com.fasterxml.jackson.core;version=99").start(context);

        Bundle other = TestBundles.platform("org.example.user").imports("com.fasterxml.jackson.core").start(context);

        Bundle provider = other.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").get(0).getProvider().getBundle();
        assertEquals("org.example.platform", provider.getSymbolicName());
    }

    @Test
    void aSandboxPluginMayNotUseAnotherPluginsPackages() throws Exception {
        TestBundles.plugin("library", "").exports("com.example.shared").start(context);

        BundleException refused = assertThrows(BundleException.class,
                () -> TestBundles.plugin("borrower", "").imports("com.example.shared").start(context));
        assertTrue(refused.getMessage().contains("com.example.shared"), refused.getMessage());
    }

    @Test
    void aGrantedTrustedPluginMayImportAnything() throws Exception {
        Bundle trusted = TestBundles.plugin("trustme", "security: trusted\n")
                .imports("org.apache.felix.scr.impl").header("Require-Bundle", "org.example.platform").start(context);

        assertEquals(Bundle.ACTIVE, trusted.getState());
    }

    @Test
    void aTrustedPluginWithoutTheOperatorsGrantIsConfinedAsSandbox() throws Exception {
        BundleException refused = assertThrows(BundleException.class, () -> TestBundles.plugin("selfmade", "security: trusted\n")
                .imports("org.apache.felix.scr.impl").start(context));

        assertTrue(refused.getMessage().contains("org.apache.felix.scr.impl"), refused.getMessage());
    }

    @Test
    void aPluginWithAnUnreadableDescriptorIsConfined() throws Exception {
        BundleException refused = assertThrows(BundleException.class, () -> TestBundles.plugin("broken", "security: [not, a, level]\n")
                .imports("org.apache.felix.scr.impl").start(context));

        assertNotEquals(-1, refused.getMessage().indexOf("org.apache.felix.scr.impl"));
    }

    @Test
    void platformBundlesAreNotFiltered() throws Exception {
        Bundle platform = TestBundles.platform("org.example.internal.user").imports("org.apache.felix.scr.impl")
                .header("Require-Bundle", "org.example.platform").start(context);

        assertEquals(Bundle.ACTIVE, platform.getState());
    }
}
