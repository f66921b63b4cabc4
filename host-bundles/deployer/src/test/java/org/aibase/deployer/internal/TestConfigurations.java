package org.aibase.deployer.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Typed configurations as DS would hand them over: the annotation's defaults, overridden by key. */
final class TestConfigurations {

    private TestConfigurations() {
    }

    /** The deployer's configuration with the given keys (e.g. {@code allow.libraries}) overridden. */
    static DeployerConfiguration deployer(Map<String, Object> overrides) {
        return (DeployerConfiguration) Proxy.newProxyInstance(DeployerConfiguration.class.getClassLoader(),
                new Class<?>[] {DeployerConfiguration.class}, (proxy, method, args) -> {
                    Object value = overrides.get(method.getName().replace('_', '.'));
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
