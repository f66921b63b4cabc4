package org.aibase.api.export;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes tables as files: CSV, JSON or XLSX (one worksheet per table). Public: every plugin may use
 * it, whatever its permissions.
 */
@ProviderType
public interface TabularExport {

    /** The most cells one export may hold (1,000,000), so a file stays a size a spreadsheet opens. */
    long MAX_CELLS = 1_000_000;

    /**
     * The file's bytes.
     * <ul>
     * <li>CSV (RFC 4180, UTF-8, CRLF): each table as its header row and its rows; several tables are
     * separated by an empty line, each preceded by a line holding only its name.</li>
     * <li>JSON: an object with one member per table name, each an array of row objects keyed by column.</li>
     * <li>XLSX: one worksheet per table, named after it; numbers stay numbers, instants become dates.</li>
     * </ul>
     *
     * @param tables at least one table; names unique
     * @throws ExportException {@code invalid} for no tables, duplicate names or too many cells
     */
    byte[] export(ExportFormat format, List<DataTable> tables);
}
