package org.aibase.llm.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a typed configuration the way DS does: given values by method name, annotation defaults for the rest. */
final class TypedConfig {

    private TypedConfig() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("annotationType")) {
                return type;
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName();
            }
            Object value = values.get(method.getName());
            if (value == null) {
                return method.getDefaultValue();
            }
            if (method.getReturnType().isArray() && !value.getClass().isArray()) {
                Object array = Array.newInstance(method.getReturnType().getComponentType(), 1);
                Array.set(array, 0, value);
                return array;
            }
            return value;
        });
    }
}
