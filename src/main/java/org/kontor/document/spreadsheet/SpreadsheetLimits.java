package org.kontor.document.spreadsheet;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/** POI's global guards against zip bombs and huge records, tightened for files from outside. */
final class SpreadsheetLimits {

    /** A sheet XML may be this large once inflated; a million rows of a few columns fit easily. */
    static final long MAX_ZIP_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** Text compresses well, but not better than 1:50; bombs do. */
    static final double MIN_INFLATE_RATIO = 0.02;
    /** Largest single record POI may allocate for (XLS, shared strings). */
    static final int MAX_RECORD_BYTES = 200 * 1024 * 1024;

    private static volatile boolean applied;

    private SpreadsheetLimits() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ZIP_ENTRY_BYTES);
        IOUtils.setByteArrayMaxOverride(MAX_RECORD_BYTES);
        applied = true;
    }
}
