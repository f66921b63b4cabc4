package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DeploymentTimelineTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    @Test
    void reportsEveryStageInMillisecondsSinceDetection() {
        DeploymentTimeline timeline = new DeploymentTimeline("hello.jar", DeploymentTimeline.Kind.DEPLOYED, nanos::get, nanos.get());
        at(6, timeline, DeploymentTimeline.VALIDATED);
        at(15, timeline, DeploymentTimeline.INSTALLED);
        at(41, timeline, DeploymentTimeline.STARTED);
        at(99, timeline, DeploymentTimeline.STARTED);
        at(80, timeline, DeploymentTimeline.ENDPOINTS_REGISTERED);

        assertEquals("Deployed hello.jar (hello 1.0.0) in 80 ms: detected 0, validated 6, installed 15, started 41, "
                + "endpoints registered 80", timeline.line("hello", "1.0.0"));
    }

    @Test
    void anUpdateWithoutEndpointsOmitsThatStage() {
        DeploymentTimeline timeline = new DeploymentTimeline("a.jar", DeploymentTimeline.Kind.UPDATED, nanos::get, nanos.get());
        at(3, timeline, DeploymentTimeline.VALIDATED);
        at(9, timeline, DeploymentTimeline.INSTALLED);
        at(20, timeline, DeploymentTimeline.STARTED);

        assertEquals("Updated a.jar (a 2.0.0) in 20 ms: detected 0, validated 3, installed 9, started 20",
                timeline.line("a", "2.0.0"));
    }

    @Test
    void removalLine() {
        assertEquals("Removed hello.jar (hello) in 12 ms", DeploymentTimeline.removedLine("hello.jar", "hello", 12));
    }

    private void at(long millis, DeploymentTimeline timeline, String stage) {
        long start = 5_000_000_000L;
        nanos.set(start + millis * 1_000_000L + 999_999L);
        timeline.mark(stage);
    }
}
