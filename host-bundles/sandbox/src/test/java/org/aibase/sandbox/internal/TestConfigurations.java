package org.aibase.sandbox.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Typed configurations as SCR would make them: the annotation's defaults, with some values replaced. */
final class TestConfigurations {

    private TestConfigurations() {
    }

    static SandboxConfiguration sandbox(Map<String, Object> values) {
        return (SandboxConfiguration) Proxy.newProxyInstance(SandboxConfiguration.class.getClassLoader(),
                new Class<?>[] {SandboxConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "SandboxConfiguration" : method.invoke(values, args);
                    }
                    return values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
