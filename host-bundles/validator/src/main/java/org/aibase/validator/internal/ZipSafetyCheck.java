package org.aibase.validator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.aibase.validator.Finding;

/**
 * The JAR is a safe zip: relative entry names without {@code ..}, no duplicates, only files and
 * folders (no symbolic link or device), a bounded number of entries and bounded declared sizes, and
 * no entry that expands absurdly (a zip bomb). The central directory is judged first, so a bomb it
 * reveals is never inflated; then every other entry is inflated once, counting, because the sizes
 * the directory declares are the author's claim: an entry inflating past its declared size is
 * refused the moment it does.
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
    private static final String ONLY_FILES = "regular files and folders only";

    @Override
    public void check(Inspection inspection) {
        String jar = inspection.jar().name();
        List<ZipEntry> entries = inspection.jar().entries();
        if (entries.size() > MAX_ENTRIES) {
            inspection.add(Finding.error(jar, "has " + entries.size() + " entries", "at most " + MAX_ENTRIES + " entries"));
        }
        long total = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<ZipEntry> toInflate = new ArrayList<>();
        for (ZipEntry entry : entries) {
            String name = entry.getName();
            boolean first = counts.merge(name, 1, Integer::sum) == 1;
            if (first) {
                checkName(name, inspection);
            }
            long size = Math.max(0, entry.getSize());
            total = total > Long.MAX_VALUE - size ? Long.MAX_VALUE : total + size;
            if (checkRatio(entry, inspection) && first && !entry.isDirectory()) {
                toInflate.add(entry);
            }
        }
        checkFileTypes(inspection);
        counts.forEach((name, count) -> {
            if (count > 1) {
                inspection.add(Finding.error(name, "appears " + count + " times in the JAR", "each entry name once"));
            }
        });
        if (total > MAX_TOTAL_BYTES) {
            inspection.add(Finding.error(jar, "declares " + Quantities.size(total) + " (" + total
                    + " bytes) uncompressed in total", "at most " + Quantities.size(MAX_TOTAL_BYTES)));
        } else {
            checkInflatedSizes(inspection.jar(), toInflate, inspection);
        }
    }

    private static void checkFileTypes(Inspection inspection) {
        Map<String, Integer> types;
        try {
            types = inspection.jar().fileTypes();
        } catch (IOException e) {
            inspection.add(Finding.error(inspection.jar().name(), "has a zip directory that cannot be read: " + e.getMessage(),
                    "a plain zip file"));
            return;
        }
        types.forEach((name, type) -> {
            if (type == EntryFileTypes.SYMLINK) {
                // a link inflated by any unzip points wherever its author chose
                inspection.add(Finding.error(name, "is a symbolic link", ONLY_FILES));
            } else if (type != EntryFileTypes.REGULAR && type != EntryFileTypes.DIRECTORY) {
                inspection.add(Finding.error(name, "is a special file (Unix type 0" + Integer.toOctalString(type) + ")", ONLY_FILES));
            }
        });
    }

    /** Inflates each entry up to one byte past its declared size, so a lying directory costs nothing more. */
    private static void checkInflatedSizes(PluginJar jar, List<ZipEntry> entries, Inspection inspection) {
        byte[] buffer = new byte[64 * 1024];
        for (ZipEntry entry : entries) {
            long declared = entry.getSize();
            try (InputStream in = jar.entry(entry.getName()).orElseThrow()) {
                long inflated = 0;
                for (int n; inflated <= declared && (n = in.read(buffer, 0, (int) Math.min(buffer.length, declared + 1 - inflated))) > 0; ) {
                    inflated += n;
                }
                if (inflated > declared) {
                    inspection.add(Finding.error(entry.getName(), "inflates to more than the " + declared
                            + " bytes the zip directory declares for it: a zip bomb is refused as soon as it shows",
                            "entries whose data is the size the zip directory declares"));
                }
            } catch (IOException e) {
                inspection.add(Finding.error(entry.getName(), "cannot be inflated: " + e.getMessage(), "an intact zip entry"));
            }
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

    /** Whether the entry's declared ratio is acceptable; reports it when not. */
    private static boolean checkRatio(ZipEntry entry, Inspection inspection) {
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size <= RATIO_THRESHOLD_BYTES || compressed < 0) {
            return true;
        }
        if (compressed == 0 || size / compressed > MAX_RATIO) {
            inspection.add(Finding.error(entry.getName(), "expands from " + Quantities.size(compressed) + " to "
                    + Quantities.size(size) + " (" + (compressed == 0 ? "∞" : size / compressed + ":1")
                    + "): a zip bomb is refused without inflating it",
                    "a compression ratio of at most " + MAX_RATIO + ":1 for entries over " + Quantities.size(RATIO_THRESHOLD_BYTES)));
            return false;
        }
        return true;
    }
}
