package org.kontor.document.digitise;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the digitising robot ({@code kontor.ocr.*}).
 *
 * @param poolSize             Tesseract engines kept warm; 0 means one per CPU core. Each engine holds about
 *                             40 MB of model data and recognises one page at a time.
 * @param language             Tesseract language(s), e.g. {@code eng} or {@code eng+deu}; the traineddata must
 *                             be in the tessdata folder.
 * @param nativeLibraryPath    folder holding a system libtesseract (e.g. {@code /usr/lib/x86_64-linux-gnu});
 *                             empty means the libraries shipped with Kontor, unpacked under the data dir.
 *                             A system library must be Tesseract 5.5 or newer (the C API tess4j 5.20 binds).
 * @param tessdataPath         folder holding {@code <language>.traineddata}; empty means the English model shipped
 *                             with Kontor, unpacked under the data dir.
 * @param renderDpi            resolution at which scanned PDF pages are rasterised for OCR.
 * @param deskew               straighten pages scanned at a slant (up to {@code maxSkewDegrees}) before OCR.
 * @param minTextLayerChars    a PDF page with at least this many non-blank characters in its text layer is read
 *                             from that layer instead of being OCR'd.
 * @param limits               what an incoming file may claim before Kontor refuses to decode it.
 */
@ConfigurationProperties("kontor.ocr")
public record OcrProperties(
        @DefaultValue("0") int poolSize,
        @DefaultValue("eng") String language,
        Path nativeLibraryPath,
        Path tessdataPath,
        @DefaultValue("300") int renderDpi,
        @DefaultValue("true") boolean deskew,
        @DefaultValue("5") double maxSkewDegrees,
        @DefaultValue("20") int minTextLayerChars,
        @DefaultValue Limits limits) {

    /**
     * @param maxPages          pages read from one file; a file with more is refused, not cut short.
     * @param maxPixelsPerPage  pixels a page (image or PDF page) may claim.
     * @param maxSidePixels     width or height a page may claim.
     * @param maxOcrPixels      pixels handed to Tesseract; larger images are subsampled while decoding and PDF
     *                          pages rendered at a lower resolution, so memory stays bounded. 36 MP is an A4
     *                          page at 600 dpi.
     * @param maxPdfMemoryBytes main memory PDFBox may use for a document's scratch buffers before it spills to
     *                          a temporary file.
     */
    public record Limits(
            @DefaultValue("50") int maxPages,
            @DefaultValue("100000000") long maxPixelsPerPage,
            @DefaultValue("20000") int maxSidePixels,
            @DefaultValue("36000000") long maxOcrPixels,
            @DefaultValue("67108864") long maxPdfMemoryBytes) {
    }

    /** Defaults as in application.yml, for code that builds the services without Spring (tests, benchmarks). */
    public static OcrProperties defaults() {
        return new OcrProperties(0, "eng", null, null, 300, true, 5, 20,
                new Limits(50, 100_000_000L, 20_000, 36_000_000L, 64L * 1024 * 1024));
    }

    public int effectivePoolSize() {
        return poolSize > 0 ? poolSize : Runtime.getRuntime().availableProcessors();
    }

    public OcrProperties withPoolSize(int size) {
        return new OcrProperties(size, language, nativeLibraryPath, tessdataPath, renderDpi, deskew, maxSkewDegrees,
                minTextLayerChars, limits);
    }

    public OcrProperties withLimits(Limits newLimits) {
        return new OcrProperties(poolSize, language, nativeLibraryPath, tessdataPath, renderDpi, deskew,
                maxSkewDegrees, minTextLayerChars, newLimits);
    }
}
