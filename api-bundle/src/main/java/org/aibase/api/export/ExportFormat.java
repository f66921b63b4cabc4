package org.aibase.api.export;

import java.util.Locale;
import java.util.Optional;

/** A file format of {@link TabularExport}, with its media type and file extension. */
public enum ExportFormat {
    /** Comma-separated values. */
    CSV("text/csv; charset=utf-8", "csv"),
    /** JSON. */
    JSON("application/json", "json"),
    /** An Office Open XML workbook. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type for a {@code Content-Type} header. */
    public String mediaType() {
        return mediaType;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The lower-case name used in JSON and URLs: {@code csv}, {@code json}, {@code xlsx}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code csv}, {@code json} or {@code xlsx} (any case). */
    public static Optional<ExportFormat> fromId(String id) {
        for (ExportFormat format : values()) {
            if (format.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
