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

    private final TesseractPool pool;
    private final OcrProperties properties;
    private final ImageDecoder images;
    private final PdfDecoder pdfs;

    public DigitiseService(TesseractPool pool, OcrProperties properties) {
        this.pool = pool;
        this.properties = properties;
        this.images = new ImageDecoder(properties.limits());
        this.pdfs = new PdfDecoder(properties);
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

    /** Recognises one clean raster: deskewed first when enabled. */
    public OcrPage ocr(GrayRaster raster) {
        GrayRaster page = raster;
        if (properties.deskew()) {
            double angle = Deskew.estimateAngle(raster, properties.maxSkewDegrees());
            page = Deskew.straighten(raster, angle);
        }
        return pool.recognise(page);
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
