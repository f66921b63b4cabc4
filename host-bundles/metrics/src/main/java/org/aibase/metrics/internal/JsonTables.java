package org.aibase.metrics.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.export.DataTable;
import org.aibase.api.export.ExportException;

/** Tables as one JSON object: a member per table, each an array of row objects keyed by column. */
final class JsonTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonTables() {
    }

    static byte[] write(List<DataTable> tables) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (DataTable table : tables) {
            document.put(table.name(), table.rows().stream().map(row -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    object.put(table.columns().get(i), TableCells.json(row.get(i)));
                }
                return object;
            }).toList());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new ExportException(ExportException.FAILED, "cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
