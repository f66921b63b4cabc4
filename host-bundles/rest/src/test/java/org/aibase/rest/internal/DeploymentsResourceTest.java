package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.deployer.DeploymentEvent;
import org.junit.jupiter.api.Test;

class DeploymentsResourceTest {

    private final InMemoryPluginRegistry registry = new InMemoryPluginRegistry();
    private final DeploymentsResource resource = new DeploymentsResource(registry);

    @Test
    void pagesTheLogWithDefaultsAndAMaximum() {
        for (int i = 0; i < 3; i++) {
            registry.events.add(new DeploymentEvent(Instant.EPOCH.plusSeconds(i), DeploymentEvent.Type.INSTALLED,
                    "p" + i + ".jar", Optional.of("p" + i), Optional.empty(), Optional.empty()));
        }
        Map<String, Object> page = resource.deployments(null, null);
        assertEquals(3L, page.get("total"));
        assertEquals(0, page.get("offset"));
        assertEquals(50, page.get("limit"));
        assertEquals(3, ((List<?>) page.get("items")).size());

        Map<String, Object> second = resource.deployments("1", "1");
        assertEquals(List.of("p1.jar"), ((List<?>) second.get("items")).stream()
                .map(item -> ((Map<?, ?>) item).get("file")).toList());
        assertEquals(500, resource.deployments("0", "10000").get("limit"));
    }

    @Test
    void badParametersAre400NamingThem() {
        assertEquals("limit", assertThrows(ApiException.class, () -> resource.deployments(null, "abc"))
                .details().get("parameter"));
        assertEquals("limit", assertThrows(ApiException.class, () -> resource.deployments(null, "0"))
                .details().get("parameter"));
        assertEquals("offset", assertThrows(ApiException.class, () -> resource.deployments("-1", null))
                .details().get("parameter"));
    }
}
