package org.kontor.document.digitise;

import java.util.List;

/**
 * Points out the parts of a freshly OCR'd page that deserve a second reading with another segmentation: Tesseract's
 * automatic page layout suits running text but may drop or reorder narrow table columns. Implemented where the
 * knowledge of a document's structure lives (extraction), so digitising stays free of it.
 */
public interface OcrRegionFinder {

    /** A rectangle of the page raster to read again, and what it holds (see {@link OcrRegion.Kind}). */
    record Region(int x, int y, int w, int h, OcrRegion.Kind kind) {
        public Region {
            kind = kind == null ? OcrRegion.Kind.TABLE : kind;
        }

        /** A table: read again as one uniform block of text. */
        public Region(int x, int y, int w, int h) {
            this(x, y, w, h, OcrRegion.Kind.TABLE);
        }

        public boolean digits() {
            return kind == OcrRegion.Kind.NUMBERS;
        }
    }

    /** Regions of the page (in its raster's pixels) to read again; empty when none. */
    List<Region> regionsToReread(OcrPage page);
}
