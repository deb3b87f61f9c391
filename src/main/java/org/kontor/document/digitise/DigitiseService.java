package org.kontor.document.digitise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kontor.document.content.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a PDF or an image into text with word boxes: a PDF page with a real text layer is read from it, every
 * other page (scanned PDF pages, PNG, JPEG, TIFF) is decoded in Java within the configured limits, straightened
 * and recognised by a pooled Tesseract engine. Spreadsheets are not for this service; see the table readers.
 */
public class DigitiseService {

    private static final Logger log = LoggerFactory.getLogger(DigitiseService.class);
    /** What a column of quantities, prices or amounts is printed with. */
    static final String NUMBER_CHARACTERS = "0123456789.,'";

    private final TesseractPool pool;
    private final OcrProperties properties;
    private final ImageDecoder images;
    private final PdfDecoder pdfs;
    private final List<OcrRegionFinder> regionFinders;
    private final Segmentation rereadSegmentation;

    public DigitiseService(TesseractPool pool, OcrProperties properties) {
        this(pool, properties, List.of());
    }

    public DigitiseService(TesseractPool pool, OcrProperties properties, List<OcrRegionFinder> regionFinders) {
        this(pool, properties, regionFinders, Segmentation.BLOCK);
    }

    /** @param rereadSegmentation how the regions the finders point out are read again (benchmarks compare modes) */
    public DigitiseService(TesseractPool pool, OcrProperties properties, List<OcrRegionFinder> regionFinders,
            Segmentation rereadSegmentation) {
        this.pool = pool;
        this.properties = properties;
        this.images = new ImageDecoder(properties.limits());
        this.pdfs = new PdfDecoder(properties);
        this.regionFinders = List.copyOf(regionFinders);
        this.rereadSegmentation = rereadSegmentation;
    }

    /**
     * @param type the type decided by {@link org.kontor.document.content.ContentSniffer}, never by file name
     * @throws UnreadableDocumentException when the file is damaged, cut off or beyond the limits
     * @throws IllegalArgumentException    for a type this service does not digitise (spreadsheets, JSON)
     */
    public DigitisedDocument digitise(Path file, ContentType type) {
        long start = System.nanoTime();
        DigitisedDocument document;
        if (type == ContentType.PDF) {
            document = digitisePdf(file);
        } else if (type.isImage()) {
            List<OcrPage> pages = new ArrayList<>();
            images.decode(file, type, raster -> pages.add(ocr(raster)));
            document = DigitisedDocument.of(pages, DigitisedDocument.Source.OCR);
        } else {
            throw new IllegalArgumentException(type + " is not digitised by OCR; read it as a table");
        }
        log.debug("Digitised {} ({}, {} page(s), {}) in {} ms, confidence {}", file.getFileName(), type,
                document.pages().size(), document.source(), (System.nanoTime() - start) / 1_000_000,
                Math.round(document.meanConfidence()));
        return document;
    }

    /**
     * Recognises one clean raster: deskewed first when enabled, then read with automatic page segmentation, then the
     * regions the finders point out (a line table) read once more as one block each.
     */
    public OcrPage ocr(GrayRaster raster) {
        GrayRaster page = raster;
        if (properties.deskew()) {
            double angle = Deskew.estimateAngle(raster, properties.maxSkewDegrees());
            page = Deskew.straighten(raster, angle);
        }
        OcrPage read = pool.recognise(page);
        if (regionFinders.isEmpty()) {
            return read;
        }
        List<OcrRegion> rereads = new ArrayList<>();
        for (OcrRegionFinder finder : regionFinders) {
            List<OcrRegionFinder.Region> regions;
            try {
                regions = finder.regionsToReread(read);
            } catch (RuntimeException e) {
                // a second reading is an improvement, never a condition: the first one stands
                log.warn("Finding regions to read again failed; keeping the first reading", e);
                continue;
            }
            for (OcrRegionFinder.Region r : regions) {
                OcrRegion region = reread(page, r);
                if (region != null) {
                    rereads.add(region);
                }
            }
        }
        return rereads.isEmpty() ? read : read.withRereads(rereads);
    }

    private OcrRegion reread(GrayRaster page, OcrRegionFinder.Region r) {
        int x0 = Math.max(0, r.x());
        int y0 = Math.max(0, r.y());
        int x1 = Math.min(page.width(), r.x() + r.w());
        int y1 = Math.min(page.height(), r.y() + r.h());
        if (x1 - x0 < 16 || y1 - y0 < 16) {
            return null;
        }
        // a header value is one line; a table and its number columns are read as the benchmarks chose
        Segmentation segmentation = r.kind() == OcrRegion.Kind.FIELD ? Segmentation.LINE : rereadSegmentation;
        OcrPage part = pool.recognise(page.crop(x0, y0, x1 - x0, y1 - y0), segmentation,
                r.digits() ? NUMBER_CHARACTERS : null);
        List<OcrWord> words = new ArrayList<>(part.words().size());
        for (OcrWord w : part.words()) {
            words.add(w.moved(x0, y0, w.line(), w.block()));
        }
        return new OcrRegion(x0, y0, x1 - x0, y1 - y0, segmentation, words, r.kind());
    }

    private DigitisedDocument digitisePdf(Path file) {
        List<OcrPage> pages = new ArrayList<>();
        boolean[] ocrUsed = {false};
        pdfs.decode(file, new PdfDecoder.PageHandler() {
            @Override
            public void textLayer(OcrPage page) {
                pages.add(page);
            }

            @Override
            public void scanned(int pageIndex, PdfDecoder.RasterSupplier raster) {
                ocrUsed[0] = true;
                pages.add(ocr(raster.render()));
            }
        });
        return DigitisedDocument.of(pages, ocrUsed[0] ? DigitisedDocument.Source.OCR
                : DigitisedDocument.Source.TEXT_LAYER);
    }
}
