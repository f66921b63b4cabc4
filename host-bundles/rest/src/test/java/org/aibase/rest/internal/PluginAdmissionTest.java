package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.PluginRecord;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** A plugin application in an in-process Jersey with the platform's filters: authentication, admission, meters. */
class PluginAdmissionTest {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final CountDownLatch ENTERED = new CountDownLatch(1);

    /** A plugin resource that holds its slot until the test lets it go, and one that fails. */
    @Path("slow")
    public static final class SlowResource {
        @GET
        public String slow() throws InterruptedException {
            ENTERED.countDown();
            RELEASE.await(10, TimeUnit.SECONDS);
            return "done";
        }

        @GET
        @Path("broken")
        public String broken() {
            throw new IllegalStateException("a plugin bug");
        }
    }

    private final PluginMeters meters = new PluginMeters();
    private final ApplicationHandler jersey;

    PluginAdmissionTest() {
        Gatekeeper gatekeeper = new Gatekeeper();
        gatekeeper.apply(ApiKeys.resolve(new String[] { "admin-key" }, new String[0], null), Duration.ofMinutes(5));
        ResourceLimits oneAtATime = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(), OptionalInt.of(1),
                OptionalLong.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty());
        PluginDescriptor slow = new PluginDescriptor("slow", "Slow", "1.0.0", null, null, null, null, null, null, null,
                null, null, Set.of(), null, oneAtATime, null);
        InMemoryPluginRegistry registry = new InMemoryPluginRegistry().add(new PluginRecord(Optional.of("slow"),
                "slow.jar", Optional.of(slow), PluginState.ACTIVE, Optional.empty(), Optional.empty(),
                OptionalLong.of(9), List.of("/api/v1/slow"), Instant.now()));
        jersey = new ApplicationHandler(new ResourceConfig()
                .register(new JacksonJsonExtension())
                .register(new AuthenticationFilter(gatekeeper))
                .register(new PluginAdmission(registry, meters, new AdmissionSlots(), new GovernorSwitch(true)))
                .register(new MeteringFilter(meters, new GovernorSwitch(true)))
                .register(new UnexpectedErrorMapper())
                .register(SlowResource.class));
    }

    private int call(String path, String key) throws Exception {
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/api/v1/slow/"),
                URI.create("http://localhost/api/v1/slow/" + path), "GET", null, new MapPropertiesDelegate(), null);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        request.setWriter(new CapturingWriter(out));
        int status = jersey.apply(request, out).get().getStatus();
        if (status == 429) {
            String body = out.toString(StandardCharsets.UTF_8);
            assertTrue(body.contains("too_many_requests") && body.contains("limit of 1"), body);
        }
        return status;
    }

    @Test
    void aRequestOverTheConcurrencyLimitWaitsBrieflyThenGets429AndTheSlotIsFreedAfterwards() throws Exception {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return call("slow", "admin-key");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(ENTERED.await(10, TimeUnit.SECONDS));
        long before = System.nanoTime();
        assertEquals(429, call("slow", "admin-key"));
        assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(AdmissionSlots.WAIT_MILLIS - 10),
                "it waited for a slot first");
        assertEquals(401, call("slow", null), "refused callers never take a slot");
        RELEASE.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS));

        assertEquals(500, call("slow/broken", "admin-key"), "a plugin's exception is a JSON 500");
        assertEquals(500, call("slow/broken", "admin-key"), "and its slot came back");
        PluginMeter meter = meters.find("slow");
        assertEquals(1, meter.waits());
        assertEquals(1, meter.rejections());
        assertEquals(0, meter.inFlight());
        assertEquals(2, meter.serverErrors());
    }
}
