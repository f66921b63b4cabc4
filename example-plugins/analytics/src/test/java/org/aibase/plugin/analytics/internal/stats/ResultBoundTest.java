package org.aibase.plugin.analytics.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.plugin.analytics.internal.AnalysisEngine;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.CsvDatasetReader;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.junit.jupiter.api.Test;

/** The bound known at ingest is never below the result the analysis then writes (insights aside). */
class ResultBoundTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBoundHoldsForLongTextUnicodeControlCharactersAndManyColumns() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 40; c++) {
            csv.append(c == 0 ? "" : ",").append("column \"").append(c).append("\" ü😀");
        }
        csv.append('\n');
        for (int row = 0; row < 200; row++) {
            for (int c = 0; c < 40; c++) {
                String cell = switch (c % 4) {
                    case 0 -> String.valueOf(row * 1.5);
                    case 1 -> "\"" + ("text \u0001 \"quoted\" ü😀 " + row % 7).repeat(40) + "\"";
                    case 2 -> row % 3 == 0 ? "" : "NaN";
                    default -> String.valueOf(row % 2 == 0);
                };
                csv.append(c == 0 ? "" : ",").append(cell);
            }
            csv.append('\n');
        }
        DataFrame frame = new CsvDatasetReader(new DatasetLimits(1000, 100, 32_768, 16L << 20))
                .read(csv.toString().getBytes(StandardCharsets.UTF_8));
        AnalysisEngine engine = new AnalysisEngine((name, result, rows, settings) -> Map.of());

        Map<String, Object> result = engine.analyze("bound", frame, new AnalysisSettings("detailed", true, "m", 0.3, 100),
                (percent, step) -> { });
        long written = JsonBytes.utf8(JSON.writeValueAsString(result));

        long bound = ResultBound.bytes(frame);
        assertTrue(written <= bound, "written " + written + " bytes, bound " + bound);
        assertTrue(bound < 20 * written, "a bound, not a guess far off: written " + written + ", bound " + bound);
    }

    @Test
    void jsonBytesCountEscapesAndUtf8() {
        assertEquals(2 + 1 + 2 + 6 + 2 + 3 + 4, JsonBytes.of("a\"\u0001üの😀"));
        assertEquals(1 + 2 + 3 + 4, JsonBytes.utf8("aüの😀"));
    }
}
