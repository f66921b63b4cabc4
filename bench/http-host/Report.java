import java.util.ArrayList;
import java.util.List;

/** The table of figures and targets, and the raw figures behind them, printed on standard output. */
final class Report {

    private record Row(String part, String measure, String result, String target, String verdict) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();

    /** A line above the table (what ran, on what). */
    void note(String line) {
        header.add(line);
    }

    /** A figure without a target. */
    void row(String part, String measure, String result) {
        rows.add(new Row(part, measure, result, "", ""));
    }

    /** A figure with its target and whether it is met. */
    void row(String part, String measure, String result, String target, boolean met) {
        rows.add(new Row(part, measure, result, target, met ? "met" : "NOT met"));
    }

    /** A raw figure, printed after the table. */
    void raw(String line) {
        raw.add(line);
    }

    void print(boolean complete) {
        StringBuilder out = new StringBuilder();
        if (!complete) {
            out.append("INCOMPLETE: the run failed; only the figures measured before the failure follow\n\n");
        }
        header.forEach(line -> out.append(line).append('\n'));
        out.append("\n| part | measure | result | target | verdict |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.part(), row.measure(), row.result(), row.target(), row.verdict()))
                    .append(" |\n");
        }
        out.append("\nRaw figures:\n");
        raw.forEach(line -> out.append("  ").append(line).append('\n'));
        System.out.print(out);
        System.out.flush();
    }
}
