package org.aibase.plugin.analytics.internal.frame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code {"name": ..., "records": [{...}, ...], "config": {...}}} in one streaming pass
 * straight into columns, typed as {@code pd.DataFrame(records)} types them. Like Python's
 * {@code json.loads} it accepts {@code NaN} and {@code Infinity}; numbers too large for a double
 * become infinities, as in Python.
 */
public final class JsonDatasetReader {

    /** What a JSON body holds. {@code name} is null when absent; {@code config} is empty when absent. */
    public record Parsed(String name, DataFrame frame, Map<String, Object> config) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final DatasetLimits limits;

    public JsonDatasetReader(DatasetLimits limits) {
        this.limits = limits;
    }

    /** Reads a body; throws {@link DatasetException} naming the field that is wrong. */
    public Parsed read(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw DatasetException.invalid("invalid_body", "body", "the body must be a JSON object {\"name\": ..., \"records\": [...]}");
            }
            String name = null;
            DataFrame frame = null;
            Map<String, Object> config = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "name" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw DatasetException.invalid("invalid_name", "name", "name must be a string, got " + describe(value));
                        }
                        name = p.getText();
                    }
                    case "records" -> frame = records(p, value);
                    case "config" -> config = config(p, value);
                    default -> p.skipChildren(); // other fields are ignored, as the seed's request model does
                }
            }
            if (frame == null) {
                throw DatasetException.invalid("missing_records", "records", "records is required: a non-empty list of objects");
            }
            return new Parsed(name, frame, config);
        } catch (StreamConstraintsException e) {
            // its message names Jackson's configuration; the parser's limits in the user's terms instead
            throw DatasetException.invalid("invalid_json", "body", "the body exceeds the JSON parser's limits: at most"
                    + " 1000 levels of nesting, numbers of 1000 digits and strings of 20,000,000 characters");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw DatasetException.invalid("invalid_json", "body", "the body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw DatasetException.invalid("invalid_json", "body", "the body could not be read: " + e.getMessage());
        }
    }

    private static Map<String, Object> config(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (value != JsonToken.START_OBJECT) {
            throw DatasetException.invalid("invalid_config", "config", "config must be an object, got " + describe(value));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        JsonNode node = MAPPER.readTree(p);
        node.fields().forEachRemaining(e -> config.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class)));
        return config;
    }

    private DataFrame records(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw DatasetException.invalid("invalid_records", "records", "records must be a list of objects, got " + describe(value));
        }
        List<JsonColumnBuilder> columns = new ArrayList<>();
        Map<String, Integer> columnIndex = new HashMap<>();
        // Records usually repeat the previous record's keys in the same order: Jackson interns field
        // names, so an identity check at the same position finds the column without hashing.
        String[] lastKeys = new String[16];
        int[] lastColumns = new int[16];
        int capacity = 1024;
        int row = 0;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw DatasetException.invalid("invalid_record", "records[" + row + "]",
                        "records[" + row + "] must be an object, got " + describe(token));
            }
            if (row >= limits.maxRows()) {
                throw limits.tooManyRows("records");
            }
            if (row >= capacity) {
                capacity = (int) Math.min(Integer.MAX_VALUE - 8, capacity * 2L);
            }
            int position = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int column;
                if (position < lastKeys.length && lastKeys[position] == key) {
                    column = lastColumns[position];
                } else {
                    Integer known = columnIndex.get(key);
                    if (known == null) {
                        if (key.length() > limits.maxCellChars()) {
                            throw limits.cellTooLarge("records[" + row + "], a key", key.length());
                        }
                        if (columns.size() >= limits.maxColumns()) {
                            throw limits.tooManyColumns("records[" + row + "]." + key);
                        }
                        known = columns.size();
                        columns.add(new JsonColumnBuilder(key, capacity));
                        columnIndex.put(key, known);
                    }
                    column = known;
                    if (position >= lastKeys.length) {
                        lastKeys = java.util.Arrays.copyOf(lastKeys, position * 2);
                        lastColumns = java.util.Arrays.copyOf(lastColumns, position * 2);
                    }
                    lastKeys[position] = key;
                    lastColumns[position] = column;
                }
                cell(p, columns.get(column), row);
                position++;
            }
            row++;
        }
        if (row == 0) {
            throw DatasetException.invalid("empty_records", "records", "records must not be empty: give at least one object");
        }
        if (columns.isEmpty()) {
            throw DatasetException.invalid("no_columns", "records", "the records have no fields: give at least one key");
        }
        List<Column> built = new ArrayList<>(columns.size());
        for (JsonColumnBuilder c : columns) {
            built.add(c.build(row));
        }
        return new DataFrame(built, row);
    }

    private void cell(JsonParser p, JsonColumnBuilder column, int row) throws IOException {
        switch (p.nextToken()) {
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    column.bigInteger(row, p.getBigIntegerValue());
                } else {
                    column.integer(row, p.getLongValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> column.floating(row, p.getDoubleValue());
            case VALUE_STRING -> {
                if (p.getTextLength() > limits.maxCellChars()) {
                    throw limits.cellTooLarge("records[" + row + "]." + column.name(), p.getTextLength());
                }
                column.object(row, p.getText());
            }
            case VALUE_TRUE -> column.bool(row, true);
            case VALUE_FALSE -> column.bool(row, false);
            case VALUE_NULL -> column.none(row);
            case START_ARRAY, START_OBJECT -> {
                String json = MAPPER.readTree(p).toString();
                if (json.length() > limits.maxCellChars()) {
                    throw limits.cellTooLarge("records[" + row + "]." + column.name(), json.length());
                }
                column.object(row, new JsonText(json));
            }
            default -> throw DatasetException.invalid("invalid_json", "records[" + row + "]." + column.name(), "unexpected JSON token");
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
