package org.aibase.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The real platform bundle set in Felix, driven through its deploy folder and real HTTP: a plugin
 * copied in answers, a new release replaces it in place, a deleted one is gone, and the Web
 * Console opens only with the generated credentials or those an operator configures in config/.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT {

    private static final String SYSTEM_PACKAGES_EXTRA = "org.osgi.framework.system.packages.extra";
    private static final Duration REGISTRATION = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        RuntimeHome home = new RuntimeHome(TestFolders.create("aibase-it")).prepare();
        int port = RunningLauncher.freePort();
        LaunchOptions launch = new LaunchOptions(home.root(), Optional.of(port), Optional.empty());
        ConsoleCredentials console = ConsoleCredentials.loadOrCreate(home.credentials());
        List<Option> options = new ArrayList<>();
        FrameworkProperties.of(launch, home, console).forEach((key, value) -> options.add(
                // Pax Exam adds its own packages through the same property: merge, don't replace
                key.equals(SYSTEM_PACKAGES_EXTRA) ? systemPackages(value.split(",")) : frameworkProperty(key).value(value)));
        for (PlatformBundle platformBundle : PlatformBundleSet.fromFolder(Path.of(System.getProperty("aibase.test.bundles")))) {
            Path file = Path.of(System.getProperty("aibase.test.bundles"), platformBundle.name());
            options.add(bundle(file.toUri().toString())
                    .startLevel(platformBundle.startLevel())
                    .start(!platformBundle.isFragment()));
        }
        options.add(junitBundles());
        options.add(systemProperty("aibase.test.plugins").value(System.getProperty("aibase.test.plugins")));
        options.add(RuntimeLoggingOption.quiet());
        return options.toArray(Option[]::new);
    }

    @Test
    public void pluginIsServedUpdatedInPlaceAndRemoved() throws Exception {
        Path deploy = Path.of(context.getProperty("aibase.deploy.dir"));
        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        String greeting = base() + "/api/v1/hello/greeting?name=Ada";
        String key = LauncherCredentials.read(context, "admin.api.key");

        Files.copy(hello, deploy.resolve("hello.jar"));
        HttpResponse<String> first = Http.await(greeting, key, r -> r.statusCode() == 200, REGISTRATION);
        assertEquals(first.body(), 200, first.statusCode());
        assertEquals("{\"message\":\"Hello, Ada!\"}", first.body());
        long bundleId = helloBundle().getBundleId();

        Path v2 = PluginJars.release(hello, Files.createTempFile("hello-v2", ".jar"), "1.0.1",
                Map.of("messages.properties", "greeting=Howdy, {0}!\n"));
        PluginJars.dropInto(deploy, "hello.jar", v2);
        HttpResponse<String> second = Http.await(greeting, key, r -> r.body().contains("Howdy"), REGISTRATION);
        assertEquals("{\"message\":\"Howdy, Ada!\"}", second.body());
        assertEquals("updated in place, not reinstalled", bundleId, helloBundle().getBundleId());
        assertEquals("1.0.1", helloBundle().getVersion().toString());

        Files.delete(deploy.resolve("hello.jar"));
        HttpResponse<String> gone = Http.await(greeting, key, r -> r.statusCode() == 404, REGISTRATION);
        assertEquals(404, gone.statusCode());
        assertTrue("uninstalled", List.of(context.getBundles()).stream()
                .noneMatch(b -> "org.aibase.plugin.hello".equals(b.getSymbolicName())));
    }

    @Test
    public void webConsoleOpensOnlyWithTheGeneratedCredentialsUnlessConfigChoosesOthers() throws Exception {
        String console = base() + "/system/console/bundles";
        String user = context.getProperty("felix.webconsole.username");
        String password = LauncherCredentials.read(context, "console.password");
        assertTrue("the framework property holds a hash, not the password",
                context.getProperty("felix.webconsole.password").startsWith("{sha-256}"));
        Http.await(console, r -> r.statusCode() != 404, REGISTRATION);
        assertEquals(401, Http.get(console).statusCode());
        assertEquals(401, Http.get(console, "admin", "admin").statusCode());
        assertEquals(200, Http.get(console, user, password).statusCode());

        // a configuration file in config/ wins, and applies live; removing it restores the generated ones
        Path config = Path.of(context.getProperty("felix.fileinstall.dir"),
                "org.apache.felix.webconsole.internal.servlet.OsgiManager.cfg");
        Files.writeString(config, "username=operator\npassword=chosen-by-the-operator\n");
        assertEquals(200, awaitConsole(console, "operator", "chosen-by-the-operator", 200));
        assertEquals(401, Http.get(console, user, password).statusCode());

        Files.delete(config);
        assertEquals(200, awaitConsole(console, user, password, 200));
        assertEquals(401, Http.get(console, "operator", "chosen-by-the-operator").statusCode());
    }

    private static int awaitConsole(String url, String user, String password, int status) throws Exception {
        long deadline = System.nanoTime() + REGISTRATION.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline && last != status) {
            last = Http.get(url, user, password).statusCode();
            Thread.sleep(20);
        }
        return last;
    }

    private Bundle helloBundle() {
        return List.of(context.getBundles()).stream()
                .filter(b -> "org.aibase.plugin.hello".equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("hello is not installed"));
    }

    private String base() {
        return "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }
}
