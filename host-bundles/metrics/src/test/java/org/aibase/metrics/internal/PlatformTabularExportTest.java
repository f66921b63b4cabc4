package org.aibase.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.export.DataTable;
import org.aibase.api.export.ExportException;
import org.aibase.api.export.ExportFormat;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The three formats, each read back: the workbook with fastexcel's reader, cell by cell. */
class PlatformTabularExportTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:30:05Z");

    private final PlatformTabularExport export = new PlatformTabularExport();

    private static List<DataTable> tables() {
        return List.of(
                new DataTable("requests", List.of("time", "plugin", "value", "ok"), List.of(
                        Arrays.asList(AT, "hello", 42, true),
                        Arrays.asList(AT.plusSeconds(10), "a, \"quoted\" name", 2.5, false),
                        Arrays.asList(AT.plusSeconds(20), "=cmd()", null, null))),
                new DataTable("heap", List.of("time", "bytes"), List.of(List.of(AT, 1_073_741_824L))));
    }

    @Test
    void aWorkbookHasASheetPerTableWithTypedCells() throws Exception {
        byte[] xlsx = export.export(ExportFormat.XLSX, tables());
        assertTrue(ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(xlsx, 8)), "an Office Open XML zip");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("requests", "heap"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(0).read();
            assertEquals(4, rows.size());
            assertEquals(List.of("time", "plugin", "value", "ok"),
                    rows.get(0).stream().map(c -> c.asString()).toList());
            Row first = rows.get(1);
            assertEquals(LocalDateTime.of(2026, 1, 1, 12, 30, 5), first.getCell(0).asDate());
            assertEquals(CellType.STRING, first.getCell(1).getType());
            assertEquals("hello", first.getCell(1).asString());
            assertEquals(CellType.NUMBER, first.getCell(2).getType());
            assertEquals(0, new BigDecimal("42").compareTo(first.getCell(2).asNumber()));
            assertEquals(CellType.BOOLEAN, first.getCell(3).getType());
            assertEquals(true, first.getCell(3).asBoolean());
            Row second = rows.get(2);
            assertEquals("a, \"quoted\" name", second.getCell(1).asString());
            assertEquals(0, new BigDecimal("2.5").compareTo(second.getCell(2).asNumber()));
            assertEquals(false, second.getCell(3).asBoolean());
            Row third = rows.get(3);
            assertEquals("=cmd()", third.getCell(1).asString(), "text stays text, never a formula");
            assertTrue(third.getCell(1).getFormula() == null);
            assertTrue(third.getCellCount() < 3 || third.getCell(2) == null || third.getCell(2).getType() == CellType.EMPTY);
            List<Row> heap = sheets.get(1).read();
            assertEquals(0, new BigDecimal("1073741824").compareTo(heap.get(1).getCell(1).asNumber()));
        }
    }

    @Test
    void csvIsRfc4180WithNamedBlocksAndNoFormulas() {
        String csv = new String(export.export(ExportFormat.CSV, tables()), StandardCharsets.UTF_8);
        assertEquals("""
                requests\r
                time,plugin,value,ok\r
                2026-01-01T12:30:05Z,hello,42,true\r
                2026-01-01T12:30:15Z,"a, ""quoted"" name",2.5,false\r
                2026-01-01T12:30:25Z,'=cmd(),,\r
                \r
                heap\r
                time,bytes\r
                2026-01-01T12:30:05Z,1073741824\r
                """, csv);
        String single = new String(export.export(ExportFormat.CSV, tables().subList(1, 2)), StandardCharsets.UTF_8);
        assertEquals("time,bytes\r\n2026-01-01T12:30:05Z,1073741824\r\n", single);
    }

    @Test
    void jsonHasRowObjectsPerTable() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export.export(ExportFormat.JSON, tables()));
        assertEquals(3, json.path("requests").size());
        assertEquals("hello", json.path("requests").get(0).path("plugin").asText());
        assertEquals(42, json.path("requests").get(0).path("value").asInt());
        assertEquals("2026-01-01T12:30:05Z", json.path("requests").get(0).path("time").asText());
        assertTrue(json.path("requests").get(2).path("value").isNull());
        assertEquals(1073741824L, json.path("heap").get(0).path("bytes").asLong());
    }

    @Test
    void badTablesAreRefusedNamingTheProblem() {
        ExportException none = assertThrows(ExportException.class, () -> export.export(ExportFormat.CSV, List.of()));
        assertEquals(ExportException.INVALID, none.code());
        ExportException twice = assertThrows(ExportException.class, () -> export.export(ExportFormat.XLSX,
                List.of(new DataTable("a", List.of("x"), List.of()), new DataTable("A", List.of("x"), List.of()))));
        assertTrue(twice.getMessage().contains("two tables are named 'A'"), twice.getMessage());
        ExportException shortRow = assertThrows(ExportException.class,
                () -> new DataTable("t", List.of("x", "y"), List.of(List.of(1))));
        assertTrue(shortRow.getMessage().contains("row 1 has 1 cells, the table has 2 columns"), shortRow.getMessage());
        ExportException badName = assertThrows(ExportException.class, () -> new DataTable("a/b", List.of("x"), List.of()));
        assertTrue(badName.getMessage().contains("without : \\ / ? * [ ]"), badName.getMessage());
    }
}
