import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.frame.JsonDatasetReader;
import org.aibase.plugin.analytics.internal.frame.PythonValues;
import org.aibase.plugin.analytics.internal.stats.JsonNumbers;
import org.aibase.plugin.analytics.internal.stats.StatisticsReport;

/**
 * Statistics + data quality of the analytics plugin on N rows x 10 columns, from the JSON bytes
 * of a POST /analyze body, against the seed's pandas code on the same bytes.
 * Data: the SplitMix64 generator of the golden data set (testdata README), seed 11.
 * Usage: java -cp CLASSES:JACKSON AnalyticsThroughput.java ROWS ROUNDS PYTHON|-
 */
public final class AnalyticsThroughput {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String python = args[2];
        long t0 = System.nanoTime();
        byte[] body = generate(11, rows);
        System.out.printf("data: %,d rows x 10 columns, %,d bytes of JSON, generated in %.1f s%n",
                rows, body.length, (System.nanoTime() - t0) / 1e9);

        JsonDatasetReader reader = new JsonDatasetReader(new DatasetLimits(Math.max(rows, 1), 500));
        double[] parse = new double[rounds];
        double[] stats = new double[rounds];
        double[] quality = new double[rounds];
        double[] total = new double[rounds];
        Map<String, Object> last = null;
        for (int warm = 0; warm < 2; warm++) { // JIT warm-up, not measured
            DataFrame f = reader.read(body).frame();
            StatisticsReport.statistics(f, new JsonNumbers());
            StatisticsReport.quality(f);
        }
        for (int r = 0; r < rounds; r++) {
            long a = System.nanoTime();
            DataFrame frame = reader.read(body).frame();
            long b = System.nanoTime();
            Map<String, Object> statistics = StatisticsReport.statistics(frame, new JsonNumbers());
            long c = System.nanoTime();
            Map<String, Object> q = StatisticsReport.quality(frame);
            long d = System.nanoTime();
            parse[r] = (b - a) / 1e9;
            stats[r] = (c - b) / 1e9;
            quality[r] = (d - c) / 1e9;
            total[r] = (d - a) / 1e9;
            last = Map.of("statistics", statistics, "data_quality", q);
        }
        System.out.println();
        System.out.printf("%-34s %10s %10s %14s%n", "AI Base analytics (1 thread)", "median s", "best s", "rows/s (med)");
        row("parse JSON -> typed columns", parse, rows);
        row("statistics (all columns)", stats, rows);
        row("data quality (incl. duplicates)", quality, rows);
        row("total", total, rows);
        System.out.println("quality: " + last.get("data_quality"));

        if (!python.equals("-")) {
            Path json = Files.createTempFile("analytics-bench", ".json");
            Path script = Files.createTempFile("analytics-bench", ".py");
            try {
                Files.write(json, body);
                Files.writeString(script, PANDAS);
                Process p = new ProcessBuilder(python, script.toString(), json.toString(), String.valueOf(rounds))
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                String[] lines = out.strip().split("\n");
                String[] times = lines[lines.length - 1].trim().split(" ");
                if (p.exitValue() != 0 || times.length != rounds) {
                    System.out.println("pandas run failed:\n" + out);
                    return;
                }
                double[] pandas = Arrays.stream(times).mapToDouble(Double::parseDouble).toArray();
                System.out.println();
                System.out.println(lines[0]);
                row("pandas seed (json.loads+DataFrame+stats+quality)", pandas, rows);
                System.out.printf("ratio (pandas median / AI Base median): %.2fx%n", median(pandas) / median(total));
            } finally {
                Files.deleteIfExists(json);
                Files.deleteIfExists(script);
            }
        }
    }

    private static void row(String name, double[] seconds, int rows) {
        System.out.printf("%-34s %10.3f %10.3f %,14.0f%n", name, median(seconds), Arrays.stream(seconds).min().orElse(0),
                rows / median(seconds));
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    // --- the golden README's generator ---

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double u(long seed, long c, long i) {
        long draw = mix64(seed * GOLDEN + ((c << 32) + i + 1) * GOLDEN);
        return (draw >>> 11) * 0x1.0p-53;
    }

    static long k(long seed, long c, long i, long n) {
        return (long) Math.floor(u(seed, c, i) * n);
    }

    /** The body {"name": "bench-ROWS-SEED", "records": [...]} as compact JSON, numbers as Python prints them. */
    static byte[] generate(long seed, int rows) {
        StringBuilder sb = new StringBuilder(rows * 200);
        sb.append("{\"name\":\"bench-").append(rows).append('-').append(seed).append("\",\"records\":[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(i + 1);
            sb.append(",\"quantity\":").append(1 + k(seed, 1, i, 100));
            sb.append(",\"rating\":").append(PythonValues.floatRepr((10 + k(seed, 2, i, 41)) / 10.0));
            sb.append(",\"score\":").append(PythonValues.floatRepr((k(seed, 3, i, 50001) + k(seed, 4, i, 50001)) / 1000.0));
            sb.append(",\"amount\":").append(u(seed, 21, i) < 0.02 ? "null" : PythonValues.floatRepr(k(seed, 5, i, 100000) / 100.0));
            sb.append(",\"price\":").append(u(seed, 22, i) < 0.02 ? "null" : PythonValues.floatRepr((50 + k(seed, 6, i, 49951)) / 100.0));
            sb.append(",\"age\":").append(u(seed, 23, i) < 0.02 ? "null" : String.valueOf(18 + k(seed, 7, i, 63)));
            sb.append(",\"region\":\"region_").append(pad(k(seed, 8, i, 10), 2)).append('"');
            double c9 = u(seed, 9, i);
            sb.append(",\"category\":\"cat_").append(pad((long) Math.floor(c9 * c9 * 100), 3)).append('"');
            sb.append(",\"customer\":\"cust_").append(pad(k(seed, 10, i, 1000), 4)).append("\"}");
        }
        sb.append("]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** The seed's computation (AnalyticsProcessor._calculate_statistics + _assess_data_quality). */
    private static final String PANDAS = """
            import json, sys, time
            import numpy as np, pandas as pd
            def stats(df):
                s = {"numeric_columns": {}, "categorical_columns": {},
                     "missing_values": df.isnull().sum().to_dict(), "data_types": df.dtypes.astype(str).to_dict()}
                for c in df.select_dtypes(include=[np.number]).columns:
                    x = df[c]
                    s["numeric_columns"][c] = {"mean": float(x.mean()), "median": float(x.median()), "std": float(x.std()),
                        "min": float(x.min()), "max": float(x.max()), "quartiles": x.quantile([.25, .5, .75]).to_dict()}
                for c in df.select_dtypes(include=["object"]).columns:
                    x = df[c]
                    m = x.mode()
                    s["categorical_columns"][c] = {"unique_count": int(x.nunique()),
                        "top_values": x.value_counts().head(5).to_dict(), "mode": m.iloc[0] if len(m) else None}
                return s
            def quality(df):
                missing = int(df.isnull().sum().sum()); dup = int(df.duplicated().sum())
                comp = 1 - missing / df.size; uniq = 1 - dup / len(df)
                return {"completeness": round(comp, 3), "uniqueness": round(uniq, 3), "overall_score": round((comp + uniq) / 2, 3)}
            body = open(sys.argv[1], "rb").read()
            print("pandas", pd.__version__, "numpy", np.__version__, "(same JSON bytes, read into memory first)")
            times = []
            for _ in range(int(sys.argv[2])):
                t = time.perf_counter()
                df = pd.DataFrame(json.loads(body)["records"])
                stats(df); quality(df)
                times.append(time.perf_counter() - t)
                del df
            print(" ".join("%.4f" % t for t in times))
            """;
}
