package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.core.SecurityContext;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.api.plugin.TaskResult;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.RegistryException;
import org.aibase.sandbox.internal.PluginGovernor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class PluginTasksResourceTest {

    private final InMemoryPluginRegistry registry = new InMemoryPluginRegistry();
    private final PluginGovernor governor = new PluginGovernor(4, Duration.ofMillis(200));
    private final TaskRunner runner = new TaskRunner(governor);
    private final PluginTasksResource resource = new PluginTasksResource(registry, runner);

    @AfterEach
    void stop() {
        runner.deactivate();
        governor.deactivate();
    }

    /** Runs a task through the resource for a user and waits for its answer; an ApiException however it comes. */
    private Map<String, Object> run(String id, Map<String, Object> body) {
        return run(id, body, CallerRole.USER);
    }

    private Map<String, Object> run(String id, Map<String, Object> body, CallerRole role) {
        return await(resource.run(id, body, callerWith(role)));
    }

    private static SecurityContext callerWith(CallerRole role) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return role::id;
            }

            @Override
            public boolean isUserInRole(String name) {
                return CallerRole.byId(name).map(role::grants).orElse(false);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    static <T> T await(java.util.concurrent.CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void install(String id, long bundleId, Plugin plugin) {
        registry.add(InMemoryPluginRegistry.record(id, PluginState.ACTIVE, bundleId));
        runner.addHandler(plugin, Map.of(Constants.SERVICE_BUNDLEID, bundleId));
    }

    private static Plugin greeter() {
        return request -> request.type().equals("greet")
                ? TaskResult.ok(Map.of("greeting", "Hello, " + request.config().get("name")))
                : TaskResult.failure("unknown_task", "No task '" + request.type() + "'", Severity.LOW);
    }

    @Test
    void runsATaskOnThePluginOfTheBundle() {
        install("hello", 7, greeter());
        Map<String, Object> result = run("hello", Map.of("type", "greet", "config", Map.of("name", "Ada")));
        assertEquals(true, result.get("success"));
        assertEquals(Map.of("greeting", "Hello, Ada"), result.get("data"));
    }

    @Test
    void anUnknownTypeIsThePluginsOwnFailure() {
        install("hello", 7, greeter());
        Map<String, Object> result = run("hello", Map.of("type", "dance"));
        assertEquals(false, result.get("success"));
        assertEquals("unknown_task", result.get("error_code"));
        assertEquals("low", result.get("severity"));
    }

    @Test
    void aPluginWithoutPluginServiceIs404() {
        registry.add(InMemoryPluginRegistry.record("quiet", PluginState.ACTIVE, 8));
        install("hello", 7, greeter());
        ApiException e = assertThrows(ApiException.class, () -> run("quiet", Map.of("type", "greet")));
        assertEquals(404, e.status());
        assertEquals("no_task_handler", e.code());
    }

    @Test
    void aRemovedServiceNoLongerHandlesTasks() {
        Plugin plugin = greeter();
        install("hello", 7, plugin);
        runner.removeHandler(plugin, Map.of(Constants.SERVICE_BUNDLEID, 7L));
        ApiException e = assertThrows(ApiException.class, () -> run("hello", Map.of("type", "greet")));
        assertEquals("no_task_handler", e.code());
    }

    @Test
    void anUnknownPluginIsTheRegistrys404() {
        RegistryException e = assertThrows(RegistryException.class,
                () -> run("ghost", Map.of("type", "greet")));
        assertEquals(RegistryException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void aThrowingTaskIsAFailedResultWithItsMessage() {
        install("hello", 7, request -> {
            throw new IllegalArgumentException("name is required");
        });
        Map<String, Object> result = run("hello", Map.of("type", "greet"));
        assertEquals(false, result.get("success"));
        assertEquals("task_failed", result.get("error_code"));
        assertEquals("high", result.get("severity"));
        assertEquals("name is required", result.get("error"));
    }

    @Test
    void aSlowTaskTimesOutAndIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Plugin slow = request -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return TaskResult.ok(Map.of());
        };
        ResourceLimits limits = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalLong.empty(), Optional.of(Duration.ofMillis(100)), OptionalInt.empty(), Optional.empty(),
                OptionalLong.empty());
        PluginDescriptor descriptor = new PluginDescriptor("slow", "Slow", "1.0.0", null, null, null, null, null,
                null, null, null, null, null, null, limits, null);
        registry.add(new PluginRecord(Optional.of("slow"), "slow.jar", Optional.of(descriptor), PluginState.ACTIVE,
                Optional.empty(), Optional.empty(), OptionalLong.of(9), List.of(), Instant.EPOCH, Optional.empty()));
        runner.addHandler(slow, Map.of(Constants.SERVICE_BUNDLEID, 9L));

        long started = System.nanoTime();
        Map<String, Object> result = run("slow", Map.of("type", "work"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(false, result.get("success"));
        assertEquals("timeout", result.get("error_code"));
        assertTrue(tookMillis < 5_000, "answered at the plugin's timeout, not the default: " + tookMillis + " ms");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the task's thread was interrupted");
    }

    @Test
    void aTaskThatIgnoresItsInterruptFailsAloneAndCountsAsARunaway() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Plugin runaway = request -> {
            while (!release.get()) {
                Thread.onSpinWait(); // deaf to interrupts, as a runaway loop is
            }
            return TaskResult.ok(Map.of());
        };
        registry.add(new PluginRecord(Optional.of("spin"), "spin.jar", Optional.of(timingOutAfter100Ms("spin")),
                PluginState.ACTIVE, Optional.empty(), Optional.empty(), OptionalLong.of(11), List.of(), Instant.EPOCH,
                Optional.empty()));
        runner.addHandler(runaway, Map.of(Constants.SERVICE_BUNDLEID, 11L));
        try {
            assertEquals("timeout", run("spin", Map.of("type", "loop")).get("error_code"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (governor.load("spin").runaways() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, governor.load("spin").runaways(), "the governor's quarantine policy hears of it");
            assertEquals(PluginState.ACTIVE, registry.plugin("spin").orElseThrow().state(), "one runaway quarantines nothing");
        } finally {
            release.set(true);
        }
    }

    @Test
    void aQuarantinedPluginsTasksAre503SayingWhenItLifts() {
        install("hello", 7, greeter());
        registry.quarantine("hello", Optional.of("audit"), false);

        ApiException refused = assertThrows(ApiException.class, () -> run("hello", Map.of("type", "greet")));

        assertEquals(503, refused.status());
        assertEquals("quarantined", refused.code());
        String liftsAt = registry.plugin("hello").orElseThrow().quarantine().orElseThrow().liftsAt().orElseThrow().toString();
        assertTrue(refused.getMessage().contains("is quarantined: audit; it is lifted at " + liftsAt), refused.getMessage());
        assertEquals(liftsAt, refused.details().get("lifts_at"));
        assertEquals(false, refused.details().get("pinned"));
    }

    @Test
    void tasksShareThePluginsConcurrencyLimit() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Plugin blocking = request -> {
            running.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.ok(Map.of());
        };
        ResourceLimits oneAtATime = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(), OptionalInt.of(1),
                OptionalLong.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty());
        PluginDescriptor descriptor = new PluginDescriptor("single", "Single", "1.0.0", null, null, null, null, null,
                null, null, null, null, null, null, oneAtATime, null);
        registry.add(new PluginRecord(Optional.of("single"), "single.jar", Optional.of(descriptor), PluginState.ACTIVE,
                Optional.empty(), Optional.empty(), OptionalLong.of(13), List.of(), Instant.EPOCH, Optional.empty()));
        runner.addHandler(blocking, Map.of(Constants.SERVICE_BUNDLEID, 13L));

        var first = resource.run("single", Map.of("type", "work"), callerWith(CallerRole.USER));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        ApiException refused = assertThrows(ApiException.class, () -> run("single", Map.of("type", "work")));
        assertEquals(429, refused.status());
        release.countDown();
        await(first);
        assertEquals(true, run("single", Map.of("type", "work")).get("success"), "the slot came back");
    }

    @Test
    void aTaskThatStopsWhenInterruptedIsNoRunaway() throws Exception {
        Plugin polite = request -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.ok(Map.of());
        };
        registry.add(new PluginRecord(Optional.of("polite"), "polite.jar", Optional.of(timingOutAfter100Ms("polite")),
                PluginState.ACTIVE, Optional.empty(), Optional.empty(), OptionalLong.of(12), List.of(), Instant.EPOCH,
                Optional.empty()));
        runner.addHandler(polite, Map.of(Constants.SERVICE_BUNDLEID, 12L));
        assertEquals("timeout", run("polite", Map.of("type", "wait")).get("error_code"));
        Thread.sleep(600); // three times the governor's grace
        assertEquals(1, governor.load("polite").timeouts());
        assertEquals(0, governor.load("polite").runaways());
    }

    private static PluginDescriptor timingOutAfter100Ms(String id) {
        ResourceLimits limits = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalLong.empty(), Optional.of(Duration.ofMillis(100)), OptionalInt.empty(), Optional.empty(),
                OptionalLong.empty());
        return new PluginDescriptor(id, id, "1.0.0", null, null, null, null, null, null, null, null, null, null, null,
                limits, null);
    }

    @Test
    void aPluginThatDeclaresTasksRunsOnlyThoseEachForItsRole() {
        PluginDescriptor declaring = new PluginDescriptor("keeper", "Keeper", "1.0.0", null, null, null, null, null, null,
                null, null, null, null, null, ResourceLimits.NONE, null, null,
                List.of(new TaskDeclaration("greet", "Greets", null), new TaskDeclaration("purge", "Removes all", CallerRole.ADMIN)));
        registry.add(new PluginRecord(Optional.of("keeper"), "keeper.jar", Optional.of(declaring), PluginState.ACTIVE,
                Optional.empty(), Optional.empty(), OptionalLong.of(9), List.of(), Instant.EPOCH, Optional.empty()));
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.addHandler(request -> {
            ran.add(request.type());
            return TaskResult.ok(Map.of());
        }, Map.of(Constants.SERVICE_BUNDLEID, 9L));

        assertEquals(true, run("keeper", Map.of("type", "greet")).get("success"));
        ApiException undeclared = assertThrows(ApiException.class, () -> run("keeper", Map.of("type", "dance")));
        assertEquals(422, undeclared.status());
        assertEquals("type", undeclared.details().get("field"));
        assertEquals(List.of("greet", "purge"), undeclared.details().get("allowed"));
        assertTrue(undeclared.getMessage().contains("no task 'dance' (allowed: greet, purge)"), undeclared.getMessage());
        ApiException forbidden = assertThrows(ApiException.class, () -> run("keeper", Map.of("type", "purge")));
        assertEquals(403, forbidden.status());
        assertEquals("forbidden", forbidden.code());
        assertTrue(forbidden.getMessage().contains("needs the admin role"), forbidden.getMessage());
        assertEquals(true, run("keeper", Map.of("type", "purge"), CallerRole.ADMIN).get("success"));
        assertEquals(List.of("greet", "purge"), ran, "neither the undeclared nor the forbidden task reached the plugin");
    }

    @Test
    void theBodyNeedsAType() {
        install("hello", 7, greeter());
        assertEquals("type", assertThrows(ApiException.class, () -> run("hello", Map.of("config", Map.of())))
                .details().get("parameter"));
        assertEquals("config", assertThrows(ApiException.class,
                () -> run("hello", Map.of("type", "greet", "config", List.of()))).details().get("parameter"));
        assertEquals("empty_body", assertThrows(ApiException.class, () -> run("hello", null)).code());
    }

    @Test
    void aFullPoolAnswers503() throws InterruptedException {
        PluginGovernor oneThread = new PluginGovernor(1, Duration.ofSeconds(5));
        TaskRunner tiny = new TaskRunner(oneThread);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Plugin blocking = request -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TaskResult.ok(Map.of());
        };
        PluginDescriptor plugin = new PluginDescriptor("a", "A", "1.0.0", null, null, null, null, null,
                null, null, null, null, null, null, ResourceLimits.NONE, null);
        var first = tiny.run(plugin, blocking, new org.aibase.api.plugin.TaskRequest("x", null), Optional.empty());
        assertTrue(running.await(5, TimeUnit.SECONDS));
        ApiException busy = assertThrows(ApiException.class,
                () -> await(tiny.run(plugin, blocking, new org.aibase.api.plugin.TaskRequest("x", null), Optional.empty())));
        assertEquals(503, busy.status());
        assertEquals("busy", busy.code());
        release.countDown();
        assertEquals(true, await(first).success());
        oneThread.deactivate();
    }
}
