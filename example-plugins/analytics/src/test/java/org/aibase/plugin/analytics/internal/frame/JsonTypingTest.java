package org.aibase.plugin.analytics.internal.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code pd.DataFrame(records)}'s dtypes (checked against pandas 1.5.3) and the reader's refusals. */
class JsonTypingTest {

    private static final JsonDatasetReader READER = new JsonDatasetReader(new DatasetLimits(3, 2, 32_768, 16L << 20));

    private static List<String> dtypes(String records) {
        DataFrame f = READER.read(("{\"name\":\"t\",\"records\":" + records + "}").getBytes(StandardCharsets.UTF_8)).frame();
        List<String> types = new ArrayList<>();
        for (Column c : f.columns()) {
            types.add(c.name() + ":" + c.dtype().pandasName() + ":" + c.missing());
        }
        return types;
    }

    @Test
    void typesFollowPandas() {
        assertEquals(List.of("a:float64:1"), dtypes("[{\"a\":1},{\"a\":null}]"));
        assertEquals(List.of("a:float64:1", "b:float64:1"), dtypes("[{\"a\":1},{\"b\":2}]"));
        assertEquals(List.of("a:float64:2", "b:float64:1"), dtypes("[{\"a\":null},{\"b\":2}]"));
        assertEquals(List.of("a:object:2"), dtypes("[{\"a\":null},{\"a\":null}]"));
        assertEquals(List.of("a:object:1"), dtypes("[{\"a\":true},{\"a\":null}]"));
        assertEquals(List.of("a:object:0"), dtypes("[{\"a\":true},{\"a\":1}]"));
        assertEquals(List.of("a:bool:0"), dtypes("[{\"a\":true},{\"a\":false}]"));
        assertEquals(List.of("a:object:0"), dtypes("[{\"a\":1},{\"a\":\"x\"}]"));
        assertEquals(List.of("a:uint64:0"), dtypes("[{\"a\":9223372036854775808},{\"a\":1}]"));
        assertEquals(List.of("a:object:0"), dtypes("[{\"a\":18446744073709551616},{\"a\":1}]"));
        assertEquals(List.of("a:object:0"), dtypes("[{\"a\":-9223372036854775809},{\"a\":1}]"));
        assertEquals(List.of("a:float64:0"), dtypes("[{\"a\":1},{\"a\":2.5}]"));
        assertEquals(List.of("a:object:0"), dtypes("[{\"a\":[1]},{\"a\":{\"b\":2}}]"));
    }

    @Test
    void pythonEqualValuesAreOneValue() {
        DataFrame f = new JsonDatasetReader(new DatasetLimits(10, 2, 32_768, 16L << 20)).read(
                "{\"records\":[{\"a\":1},{\"a\":1.0},{\"a\":true},{\"a\":\"1\"},{\"a\":\"b\"}]}".getBytes(StandardCharsets.UTF_8)).frame();
        ObjectColumn a = (ObjectColumn) f.columns().get(0);
        assertEquals(List.of(1L, "1", "b"), a.values(), "pandas: {1: 3, '1': 1, 'b': 1}");
    }

    @Test
    void refusesNamingTheFieldAndTheLimit() {
        DatasetException notObject = assertThrows(DatasetException.class, () -> dtypes("[{\"a\":1}, 7]"));
        assertEquals("records[1]", notObject.field());
        assertTrue(notObject.getMessage().contains("must be an object, got a number"));
        DatasetException empty = assertThrows(DatasetException.class, () -> dtypes("[]"));
        assertEquals("empty_records", empty.code());
        DatasetException rows = assertThrows(DatasetException.class, () -> dtypes("[{},{},{},{}]"));
        assertTrue(rows.tooLarge());
        assertTrue(rows.getMessage().contains("max_dataset_size = 3"), rows.getMessage());
        DatasetException columns = assertThrows(DatasetException.class, () -> dtypes("[{\"a\":1,\"b\":2,\"c\":3}]"));
        assertEquals("too_many_columns", columns.code());
        assertEquals("records[0].c", columns.field());
        DatasetException notList = assertThrows(DatasetException.class, () -> dtypes("{\"a\":1}"));
        assertEquals("records", notList.field());
        DatasetException broken = assertThrows(DatasetException.class,
                () -> READER.read("{\"records\":[{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("invalid_json", broken.code());
    }

    @Test
    void aBodyNestedBeyondTheParsersLimitIsInvalidJsonInPlainWords() {
        String deep = "{\"records\":[{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";

        DatasetException nested = assertThrows(DatasetException.class,
                () -> READER.read(deep.getBytes(StandardCharsets.UTF_8)));

        assertEquals("invalid_json", nested.code());
        assertTrue(nested.getMessage().contains("1000 levels of nesting"), nested.getMessage());
        assertFalse(nested.getMessage().contains("StreamReadConstraints"), nested.getMessage());
    }
}
