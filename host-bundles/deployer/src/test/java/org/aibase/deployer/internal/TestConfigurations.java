package org.aibase.deployer.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Typed configurations as DS would hand them over: the annotation's defaults, overridden by key. */
final class TestConfigurations {

    private TestConfigurations() {
    }

    /** The deployer's configuration with the given keys (e.g. {@code allow.libraries}) overridden. */
    static DeployerConfiguration deployer(Map<String, Object> overrides) {
        return typed(DeployerConfiguration.class, overrides);
    }

    /** The trusted grants (the sandbox's PID) with the given keys (e.g. {@code trusted.plugins}) overridden. */
    static TrustedPlugins.Grants grants(Map<String, Object> overrides) {
        return typed(TrustedPlugins.Grants.class, overrides);
    }

    private static <T> T typed(Class<T> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = overrides.get(method.getName().replace('_', '.'));
            return value != null ? value : method.getDefaultValue();
        }));
    }
}
