package org.aibase.plugin.dashboard;

import org.aibase.api.export.ExportFormat;

/** An exported file: its bytes, format and file name. */
record ExportFile(byte[] bytes, ExportFormat format, String fileName) {
}
