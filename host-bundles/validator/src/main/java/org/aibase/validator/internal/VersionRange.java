package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range of {@code requires.platform}: comparisons separated by spaces, all of which must
 * hold, e.g. {@code >=1.2.0 <2.0.0}. Operators {@code >=}, {@code >}, {@code <=}, {@code <},
 * {@code =}; a bare version means {@code =}. The empty range accepts every version.
 *
 * @param comparisons the comparisons, all of which must hold
 */
public record VersionRange(List<Comparison> comparisons) {

    /** The accepted form, for findings. */
    public static final String FORM = "comparisons such as \">=1.0.0\" or \">=1.2.0 <2.0.0\" "
            + "(operators >=, >, <=, <, =; versions X.Y.Z; space-separated means all must hold)";

    private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<|=)?(\\S+)");

    /** Creates a range; the comparisons are copied. */
    public VersionRange {
        comparisons = List.copyOf(comparisons);
    }

    /** Parses a range; empty when the text is not of the {@link #FORM}. */
    public static Optional<VersionRange> parse(String text) {
        // ">= 1.0.0" is a common way to write ">=1.0.0"
        String normalized = text.strip().replaceAll("(>=|<=|>|<|=)\\s+", "$1");
        List<Comparison> comparisons = new ArrayList<>();
        for (String token : normalized.isEmpty() ? new String[0] : normalized.split("\\s+")) {
            Matcher m = COMPARISON.matcher(token);
            Optional<SemanticVersion> version = m.matches() ? SemanticVersion.parse(m.group(2)) : Optional.empty();
            if (version.isEmpty()) {
                return Optional.empty();
            }
            comparisons.add(new Comparison(m.group(1) == null ? "=" : m.group(1), version.get()));
        }
        return Optional.of(new VersionRange(comparisons));
    }

    /** Whether the version satisfies every comparison. */
    public boolean includes(SemanticVersion version) {
        return comparisons.stream().allMatch(c -> c.holdsFor(version));
    }

    /**
     * One comparison of a range.
     *
     * @param operator one of {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =}
     * @param version the version compared with
     */
    public record Comparison(String operator, SemanticVersion version) {

        /** Whether {@code candidate operator version} is true. */
        public boolean holdsFor(SemanticVersion candidate) {
            int c = candidate.compareTo(version);
            return switch (operator) {
                case ">=" -> c >= 0;
                case ">" -> c > 0;
                case "<=" -> c <= 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }
}
