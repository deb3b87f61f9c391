package org.kontor.document.digitise;

import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;

/**
 * How Tesseract cuts a raster into blocks and lines. {@code AUTO} suits whole pages; on a table it may split narrow
 * number columns into blocks of their own and lose or reorder them, which {@code BLOCK} (one uniform block of
 * text, every printed row one line) does not.
 */
public enum Segmentation {
    AUTO(TessPageSegMode.PSM_AUTO),
    BLOCK(TessPageSegMode.PSM_SINGLE_BLOCK),
    COLUMN(TessPageSegMode.PSM_SINGLE_COLUMN),
    SPARSE(TessPageSegMode.PSM_SPARSE_TEXT),
    LINE(TessPageSegMode.PSM_SINGLE_LINE);

    private final int mode;

    Segmentation(int mode) {
        this.mode = mode;
    }

    int mode() {
        return mode;
    }
}
