package org.aibase.validator.internal;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A version {@code major.minor.patch}, ordered numerically. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    private static final Pattern STRICT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
    // OSGi: major[.minor[.micro[.qualifier]]], missing parts are 0
    private static final Pattern OSGI = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.(\\d{1,9})(?:\\.[\\w-]+)?)?)?");
    private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
            .thenComparingInt(SemanticVersion::minor).thenComparingInt(SemanticVersion::patch);

    /** Parses exactly {@code X.Y.Z}, the form of {@code plugin.yaml}; empty otherwise. */
    public static Optional<SemanticVersion> parse(String text) {
        Matcher m = STRICT.matcher(text.strip());
        return m.matches() ? Optional.of(of(m)) : Optional.empty();
    }

    /** Parses an OSGi version such as {@code 1.0.0.SNAPSHOT} or {@code 2}, keeping major.minor.micro; empty otherwise. */
    public static Optional<SemanticVersion> parseOsgi(String text) {
        Matcher m = OSGI.matcher(text.strip());
        return m.matches() ? Optional.of(of(m)) : Optional.empty();
    }

    private static SemanticVersion of(Matcher m) {
        return new SemanticVersion(part(m, 1), part(m, 2), part(m, 3));
    }

    private static int part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
