package org.aibase.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The real platform bundle set in Felix: a plugin's code leaves nothing behind once it is removed or
 * replaced. A plugin that used JPA (its factory created, a row written and read): the platform closes its
 * EntityManagerFactory, and its class loader is garbage collected. A plugin that keeps objects of its own
 * classes in thread-locals of the platform's threads that ran it: its old class loader is collected after
 * an update, as the governor renews those threads.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginClassLoaderIT {

    private static final String SYSTEM_PACKAGES_EXTRA = "org.osgi.framework.system.packages.extra";
    private static final Duration REGISTRATION = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        RuntimeHome home = new RuntimeHome(TestFolders.create("aibase-it")).prepare();
        int port = RunningLauncher.freePort();
        // built here, outside the framework, where the compiler finds the API JARs
        Path plugin = PersistenceTestPlugins.build(TestFolders.create("aibase-gc-plugin"), "keeper",
                "http, storage", "");
        LaunchOptions launch = new LaunchOptions(home.root(), Optional.of(port), Optional.empty());
        ConsoleCredentials console = ConsoleCredentials.loadOrCreate(home.credentials());
        List<Option> options = new ArrayList<>();
        FrameworkProperties.of(launch, home, console).forEach((key, value) -> options.add(
                key.equals(SYSTEM_PACKAGES_EXTRA) ? systemPackages(value.split(",")) : frameworkProperty(key).value(value)));
        for (PlatformBundle platformBundle : PlatformBundleSet.fromFolder(Path.of(System.getProperty("aibase.test.bundles")))) {
            Path file = Path.of(System.getProperty("aibase.test.bundles"), platformBundle.name());
            options.add(bundle(file.toUri().toString())
                    .startLevel(platformBundle.startLevel())
                    .start(!platformBundle.isFragment()));
        }
        options.add(junitBundles());
        options.add(systemProperty("aibase.test.jpa.plugin").value(plugin.toString()));
        for (String build : List.of("1", "2")) {
            Path jar = MisbehavingPlugins.keepsThreadLocals(build).writeInto(TestFolders.create("aibase-clingy-" + build));
            options.add(systemProperty("aibase.test.clingy." + build).value(jar.toString()));
        }
        options.add(RuntimeLoggingOption.quiet());
        return options.toArray(Option[]::new);
    }

    @Test
    public void aRemovedPluginsClassLoaderIsCollectedOnceItsFactoryIsClosed() throws Exception {
        Path deploy = Path.of(context.getProperty("aibase.deploy.dir"));
        String notes = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/v1/keeper/notes";
        String key = LauncherCredentials.read(context, "admin.api.key");

        Files.copy(Path.of(System.getProperty("aibase.test.jpa.plugin")), deploy.resolve("keeper.jar"));
        HttpResponse<String> ready = Http.await(notes, key, r -> r.statusCode() == 200, REGISTRATION);
        assertEquals(ready.body(), 200, ready.statusCode());
        HttpResponse<String> written = Http.send("POST", notes, key, "text/plain",
                HttpRequest.BodyPublishers.ofString("kept for a while"));
        assertEquals(written.body(), 200, written.statusCode());
        assertTrue(Http.get(notes, key).body(), Http.get(notes, key).body().contains("kept for a while"));

        WeakReference<ClassLoader> loader = new WeakReference<>(keeper().adapt(BundleWiring.class).getClassLoader());
        assertTrue("the entity class came from the plugin", loader.get().loadClass("org.example.keeper.Note") != null);

        Files.delete(deploy.resolve("keeper.jar"));
        assertEquals(404, Http.await(notes, key, r -> r.statusCode() == 404, REGISTRATION).statusCode());
        awaitUninstalled();
        refresh(); // drops the wiring of a removed bundle, if the deployer has not already

        // the removed plugin's application and threads end on the platform's threads, after the 404 the test saw:
        // on a busy machine that takes a while (5 s were once not enough)
        for (int i = 0; i < 150 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(200);
        }
        assertNull("the removed plugin's class loader is still reachable; threads with it as context class loader: "
                + threadsHolding(loader.get()), loader.get());
    }

    @Test
    public void anUpdatedPluginsClassLoaderIsCollectedThoughItsThreadLocalsKeptItsObjects() throws Exception {
        Path deploy = Path.of(context.getProperty("aibase.deploy.dir"));
        String scratch = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/v1/clingy/scratch";
        String key = LauncherCredentials.read(context, "admin.api.key");

        PluginJars.dropInto(deploy, "clingy.jar", Path.of(System.getProperty("aibase.test.clingy.1")));
        assertEquals("1", Http.await(scratch, key, r -> r.statusCode() == 200, REGISTRATION).body());
        callFromManyThreads(scratch, key, "1"); // a buffer of build 1's own class on each governor thread that served it
        WeakReference<ClassLoader> first = new WeakReference<>(installed("org.example.misbehaving.clingy")
                .adapt(BundleWiring.class).getClassLoader());

        PluginJars.dropInto(deploy, "clingy.jar", Path.of(System.getProperty("aibase.test.clingy.2")));
        assertEquals("2", Http.await(scratch, key, r -> "2".equals(r.body()), REGISTRATION).body());
        callFromManyThreads(scratch, key, "2");
        refresh(); // drops the old revision's wiring, if the deployer has not already

        // an idle work thread keeps a thread-local for 60 s before it ends: the governor must end it sooner
        for (int i = 0; i < 100 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(200);
        }
        assertNull("build 1's class loader is still reachable after the update; threads with it as context class loader: "
                + threadsHolding(first.get()), first.get());
    }

    /** 8 clients, 50 calls each: the calls spread over several of the governor's threads. */
    private static void callFromManyThreads(String url, String key, String expected) throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                calls.add(clients.submit(() -> {
                    for (int call = 0; call < 50; call++) {
                        HttpResponse<String> answer = Http.get(url, key);
                        assertEquals(answer.body(), 200, answer.statusCode());
                        assertEquals(expected, answer.body());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<String> threadsHolding(ClassLoader loader) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> loader != null && t.getContextClassLoader() == loader)
                .map(Thread::getName).toList();
    }

    private Bundle keeper() {
        return installed("org.example.keeper");
    }

    private Bundle installed(String symbolicName) {
        return List.of(context.getBundles()).stream()
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    private void awaitUninstalled() throws InterruptedException {
        long deadline = System.nanoTime() + REGISTRATION.toNanos();
        while (List.of(context.getBundles()).stream().anyMatch(b -> "org.example.keeper".equals(b.getSymbolicName()))) {
            assertTrue("keeper was not uninstalled", System.nanoTime() < deadline);
            Thread.sleep(50);
        }
    }

    private void refresh() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> done.countDown());
        assertTrue("refresh did not finish", done.await(60, TimeUnit.SECONDS));
    }
}
