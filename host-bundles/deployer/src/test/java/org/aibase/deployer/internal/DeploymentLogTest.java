package org.aibase.deployer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLogTest {

    @TempDir
    Path dir;

    @Test
    void writesOneJsonLinePerEvent() throws Exception {
        DeploymentLog log = new DeploymentLog(dir.resolve("data/deployments.log"), 1 << 20, 3);
        log.append(new DeploymentEvent(Instant.parse("2026-11-21T10:00:00Z"), DeploymentEvent.Type.INSTALLED, "hello.jar",
                Optional.of("hello"), Optional.of("1.0.0"), Optional.empty()));

        assertEquals(List.of("{\"time\":\"2026-11-21T10:00:00Z\",\"type\":\"installed\",\"file\":\"hello.jar\","
                + "\"plugin\":\"hello\",\"version\":\"1.0.0\",\"reason\":null}"),
                Files.readAllLines(dir.resolve("data/deployments.log")));
    }

    @Test
    void rotatesKeepingTheConfiguredNumberOfFilesAndPagesNewestFirstAcrossThem() throws Exception {
        Path file = dir.resolve("deployments.log");
        DeploymentLog log = new DeploymentLog(file, 4096, 2);
        for (int i = 0; i < 200; i++) {
            log.append(event(i));
        }

        assertTrue(Files.exists(dir.resolve("deployments.log.1")));
        assertTrue(Files.exists(dir.resolve("deployments.log.2")));
        assertFalse(Files.exists(dir.resolve("deployments.log.3")), "only log.files old files are kept");
        assertTrue(Files.size(file) <= 4096);

        DeploymentPage first = log.page(0, 5);
        long total = first.total();
        assertTrue(total > 20 && total < 200, "older events were rotated away: " + total);
        assertEquals(List.of("f199.jar", "f198.jar", "f197.jar", "f196.jar", "f195.jar"), files(first));
        DeploymentPage last = log.page((int) total - 2, 5);
        assertEquals(List.of("f" + (200 - total + 1) + ".jar", "f" + (200 - total) + ".jar"), files(last));
        assertEquals(total, last.total());
        assertEquals(List.of(), log.page((int) total, 5).events());
    }

    @Test
    void skipsADamagedLine() throws Exception {
        Path file = dir.resolve("deployments.log");
        DeploymentLog log = new DeploymentLog(file, 1 << 20, 3);
        log.append(event(1));
        Files.writeString(file, "{\"time\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, "\n", java.nio.file.StandardOpenOption.APPEND);
        log.append(event(2));

        assertEquals(List.of("f2.jar", "f1.jar"), files(log.page(0, 10)));
    }

    private static List<String> files(DeploymentPage page) {
        return page.events().stream().map(DeploymentEvent::file).toList();
    }

    private static DeploymentEvent event(int i) {
        return new DeploymentEvent(Instant.now(), DeploymentEvent.Type.REJECTED, "f" + i + ".jar", Optional.empty(),
                Optional.empty(), Optional.of("invalid — plugin.yaml is missing from the JAR root"));
    }
}
