package org.aibase.plugin.analytics.internal.frame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes the values of an object column in order of first appearance, values equal as in Python. */
final class ObjectDictionary {

    private final Map<Object, Integer> codes = new HashMap<>();
    private final List<Object> values = new ArrayList<>();

    /** The value's code; the first value of each Python-equal group is the one kept. */
    int code(Object value) {
        Object key = PythonValues.key(value);
        Integer code = codes.get(key);
        if (code == null) {
            code = values.size();
            codes.put(key, code);
            values.add(value);
        }
        return code;
    }

    List<Object> values() {
        return values;
    }
}
