package org.aibase.plugin.analytics.internal.frame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV into columns typed as {@code pd.read_csv} types them with its defaults (no date
 * parsing): the first line names the columns (empty names become {@code Unnamed: i}, repeated ones
 * {@code a.1}), pandas' NA strings are missing, and each column is {@code int64}, {@code uint64},
 * {@code float64} (numbers with a missing cell, or all cells missing), {@code bool} or
 * {@code object} (its text as written).
 */
public final class CsvDatasetReader {

    /** pandas 1.5's default {@code na_values}. */
    static final Set<String> NA_STRINGS = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
            "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");

    private final DatasetLimits limits;

    public CsvDatasetReader(DatasetLimits limits) {
        this.limits = limits;
    }

    /** Reads UTF-8 CSV bytes; throws {@link DatasetException} naming the line that is wrong. */
    public DataFrame read(byte[] body) {
        CsvTokenizer tokenizer = new CsvTokenizer(decode(body));
        List<String> header = tokenizer.next();
        if (header == null) {
            throw DatasetException.invalid("empty_csv", "body", "the CSV is empty: give a header line and at least one row");
        }
        if (header.size() > limits.maxColumns()) {
            throw limits.tooManyColumns("line 1");
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).length() > limits.maxCellChars()) {
                throw limits.cellTooLarge("line 1, column " + (c + 1), header.get(c).length());
            }
        }
        List<String> names = columnNames(header);
        int width = names.size();
        List<Map<String, Integer>> codesByText = new ArrayList<>(width);
        List<List<String>> texts = new ArrayList<>(width);
        int[][] codes = new int[width][1024];
        for (int c = 0; c < width; c++) {
            codesByText.add(new HashMap<>());
            texts.add(new ArrayList<>());
        }
        int rows = 0;
        int line = tokenizer.line();
        List<String> fields;
        while ((fields = tokenizer.next()) != null) {
            if (fields.size() > width) {
                throw DatasetException.invalid("invalid_csv", "line " + line, "line " + line + " has " + fields.size()
                        + " fields, the header has " + width + " (allowed: at most " + width + ")");
            }
            if (rows >= limits.maxRows()) {
                throw limits.tooManyRows("line " + line);
            }
            if (rows == codes[0].length) {
                for (int c = 0; c < width; c++) {
                    codes[c] = java.util.Arrays.copyOf(codes[c], rows * 2);
                }
            }
            for (int c = 0; c < width; c++) {
                String text = c < fields.size() ? fields.get(c) : "";
                if (text.length() > limits.maxCellChars()) {
                    throw limits.cellTooLarge("line " + line + ", column '" + names.get(c) + "'", text.length());
                }
                if (NA_STRINGS.contains(text)) {
                    codes[c][rows] = -1;
                } else {
                    Integer known = codesByText.get(c).get(text);
                    if (known == null) {
                        known = texts.get(c).size();
                        texts.get(c).add(text);
                        codesByText.get(c).put(text, known);
                    }
                    codes[c][rows] = known;
                }
            }
            rows++;
            line = tokenizer.line();
        }
        if (rows == 0) {
            throw DatasetException.invalid("empty_records", "body", "the CSV has a header but no rows: give at least one row");
        }
        List<Column> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            columns.add(CsvColumnTyping.column(names.get(c), java.util.Arrays.copyOf(codes[c], rows), texts.get(c)));
        }
        return new DataFrame(columns, rows);
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw DatasetException.invalid("invalid_encoding", "body", "the CSV is not valid UTF-8");
        }
    }

    /** pandas' names: {@code Unnamed: i} for empty ones, {@code a.1}, {@code a.2} for repeats. */
    static List<String> columnNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> used = new HashSet<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).isEmpty() ? "Unnamed: " + i : header.get(i);
            String unique = name;
            while (used.contains(unique)) {
                int n = repeats.merge(name, 1, Integer::sum);
                unique = name + "." + n;
            }
            used.add(unique);
            names.add(unique);
        }
        return names;
    }
}
