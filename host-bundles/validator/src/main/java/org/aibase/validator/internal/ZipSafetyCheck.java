package org.aibase.validator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.aibase.validator.Finding;

/**
 * The JAR is a safe zip: relative entry names without {@code ..}, no duplicates, a bounded number of
 * entries and bounded declared sizes, and no entry that expands absurdly (a zip bomb). Everything is
 * judged from the central directory, so nothing is inflated to find out.
 */
public final class ZipSafetyCheck implements PluginCheck {

    /** The most entries a plugin JAR may have. */
    public static final int MAX_ENTRIES = 10_000;

    /** The most bytes all entries together may declare uncompressed. */
    public static final long MAX_TOTAL_BYTES = 256L << 20;

    /** Entries larger than this (uncompressed) must not expand more than {@link #MAX_RATIO} times. */
    public static final long RATIO_THRESHOLD_BYTES = 1L << 20;

    /** The largest compression ratio accepted for large entries; real class files and data stay far below. */
    public static final long MAX_RATIO = 200;

    private static final String SAFE_NAME = "a relative entry name without '..' segments";

    @Override
    public void check(Inspection inspection) {
        String jar = inspection.jar().name();
        List<ZipEntry> entries = inspection.jar().entries();
        if (entries.size() > MAX_ENTRIES) {
            inspection.add(Finding.error(jar, "has " + entries.size() + " entries", "at most " + MAX_ENTRIES + " entries"));
        }
        long total = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            if (counts.merge(name, 1, Integer::sum) == 1) {
                checkName(name, inspection);
            }
            long size = Math.max(0, entry.getSize());
            total = total > Long.MAX_VALUE - size ? Long.MAX_VALUE : total + size;
            checkRatio(entry, inspection);
        }
        counts.forEach((name, count) -> {
            if (count > 1) {
                inspection.add(Finding.error(name, "appears " + count + " times in the JAR", "each entry name once"));
            }
        });
        if (total > MAX_TOTAL_BYTES) {
            inspection.add(Finding.error(jar, "declares " + Quantities.size(total) + " (" + total
                    + " bytes) uncompressed in total", "at most " + Quantities.size(MAX_TOTAL_BYTES)));
        }
    }

    private static void checkName(String name, Inspection inspection) {
        String slashed = name.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
            inspection.add(Finding.error(name, "is an absolute path", SAFE_NAME));
        } else if (("/" + slashed + "/").contains("/../")) {
            // extracted naively, '..' writes outside the target folder ("zip slip")
            inspection.add(Finding.error(name, "has a '..' segment", SAFE_NAME));
        }
    }

    private static void checkRatio(ZipEntry entry, Inspection inspection) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size <= RATIO_THRESHOLD_BYTES || compressed < 0) {
            return;
        }
        if (compressed == 0 || size / compressed > MAX_RATIO) {
            inspection.add(Finding.error(entry.getName(), "expands from " + Quantities.size(compressed) + " to "
                    + Quantities.size(size) + " (" + (compressed == 0 ? "∞" : size / compressed + ":1")
                    + "): a zip bomb is refused without inflating it",
                    "a compression ratio of at most " + MAX_RATIO + ":1 for entries over " + Quantities.size(RATIO_THRESHOLD_BYTES)));
        }
    }
}
