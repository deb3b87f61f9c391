package org.kontor.document.digitise;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Opens a PDF with PDFBox within limits and gives, per page, either its text layer or a gray raster to OCR.
 * The page count, the page boxes and the sizes of embedded images are checked before anything is rendered.
 */
final class PdfDecoder {

    private static final int TAIL_BYTES = 2048;
    /** Form XObjects nest; a hostile file can make the nesting deep or cyclic. */
    private static final int MAX_FORM_DEPTH = 8;
    private static final int MAX_XOBJECTS_CHECKED = 2000;

    private final OcrProperties properties;
    private final OcrProperties.Limits limits;

    PdfDecoder(OcrProperties properties) {
        this.properties = properties;
        this.limits = properties.limits();
    }

    /** What the digitiser needs from one page: its text layer when it has a real one, else a raster to OCR. */
    interface PageHandler {
        void textLayer(OcrPage page);

        void scanned(int pageIndex, RasterSupplier raster);
    }

    @FunctionalInterface
    interface RasterSupplier {
        GrayRaster render();
    }

    void decode(Path file, PageHandler handler) {
        requireEndMarker(file);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), "", null, null,
                MemoryUsageSetting.setupMixed(limits.maxPdfMemoryBytes()).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new UnreadableDocumentException("The PDF has " + pages + " pages; at most "
                        + limits.maxPages() + " are read.");
            }
            if (pages == 0) {
                throw new UnreadableDocumentException("The PDF has no pages.");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            // Lets PDFBox decode big embedded images at the resolution they are drawn at, not their own.
            renderer.setSubsamplingAllowed(true);
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                PDRectangle box = checkedBox(page, i);
                checkImages(page.getResources(), i, 0, new int[1]);
                OcrPage text = textLayer(document, page, i, box);
                int index = i;
                try {
                    if (text != null) {
                        handler.textLayer(text);
                    } else {
                        handler.scanned(i, () -> render(renderer, index, box));
                    }
                } catch (UnreadableDocumentException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ImageDecoder.ConsumerFailure(e);
                }
            }
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("The PDF is password-protected; Kontor cannot open it.", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF is damaged: " + ImageDecoder.describe(e), e);
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (ImageDecoder.ConsumerFailure e) {
            // OCR failed, not the file: pass the original on unchanged.
            throw e.getCause();
        } catch (RuntimeException e) {
            // PDFBox reports some malformed structures as runtime exceptions (ClassCast, IllegalArgument, ...).
            throw new UnreadableDocumentException("The PDF is damaged: " + ImageDecoder.describe(e), e);
        }
    }

    /**
     * PDFBox would repair a cut-off file and return whatever pages survived, silently dropping the rest. Every
     * complete PDF ends with %%EOF (possibly followed by a little padding), so its absence means the upload or
     * scan was cut short.
     */
    /** One page as a picture for people (the review form's preview), within the same limits as OCR. */
    BufferedImage renderPage(Path file, int pageIndex, int targetWidth) {
        requireEndMarker(file);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), "", null, null,
                MemoryUsageSetting.setupMixed(limits.maxPdfMemoryBytes()).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages() || pageIndex < 0 || pageIndex >= pages) {
                throw new UnreadableDocumentException("The PDF has no page " + (pageIndex + 1) + " to show.");
            }
            PDPage page = document.getPage(pageIndex);
            PDRectangle box = checkedBox(page, pageIndex);
            checkImages(page.getResources(), pageIndex, 0, new int[1]);
            PDFRenderer renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            return renderer.renderImage(pageIndex, targetWidth / box.getWidth(), ImageType.GRAY);
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF cannot be shown: " + ImageDecoder.describe(e), e);
        }
    }

    private static void requireEndMarker(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(TAIL_BYTES, length);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new UnreadableDocumentException("The PDF is incomplete: it ends without its end marker, "
                        + "so it was probably cut off while being sent or saved.");
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF could not be read: " + ImageDecoder.describe(e), e);
        }
    }

    private PDRectangle checkedBox(PDPage page, int index) {
        PDRectangle box = page.getCropBox();
        float w = box.getWidth();
        float h = box.getHeight();
        if (!(w >= 1 && h >= 1) || !Float.isFinite(w) || !Float.isFinite(h)) {
            throw new UnreadableDocumentException("Page " + (index + 1) + " of the PDF has no usable size ("
                    + w + " x " + h + " points).");
        }
        // The PDF format itself caps pages at 14400 points (200 inches); anything larger is not a document page.
        if (w > 14_400 || h > 14_400) {
            throw new UnreadableDocumentException("Page " + (index + 1) + " of the PDF is " + Math.round(w / 72)
                    + " x " + Math.round(h / 72) + " inches; at most 200 inches per side are read.");
        }
        return box;
    }

    /** Refuses embedded images whose declared size is beyond the page pixel limit, before rendering decodes them. */
    private void checkImages(PDResources resources, int pageIndex, int depth, int[] seen) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (++seen[0] > MAX_XOBJECTS_CHECKED) {
                throw new UnreadableDocumentException("Page " + (pageIndex + 1) + " of the PDF has more than "
                        + MAX_XOBJECTS_CHECKED + " embedded objects; it is not read.");
            }
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                long w = image.getWidth();
                long h = image.getHeight();
                if (w > limits.maxSidePixels() || h > limits.maxSidePixels() || w * h > limits.maxPixelsPerPage()) {
                    throw new UnreadableDocumentException("Page " + (pageIndex + 1) + " of the PDF embeds an image of "
                            + w + " x " + h + " pixels; at most " + limits.maxSidePixels() + " per side and "
                            + ImageDecoder.megapixels(limits.maxPixelsPerPage()) + " megapixels are read.");
                }
            } else if (object instanceof PDFormXObject form) {
                checkImages(form.getResources(), pageIndex, depth + 1, seen);
            }
        }
    }

    /** The page's text layer with word boxes in points, or null when the page has no real text (a scan). */
    private OcrPage textLayer(PDDocument document, PDPage page, int index, PDRectangle box) throws IOException {
        WordCollector stripper = new WordCollector();
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.setSortByPosition(true);
        String text = stripper.getText(document);
        if (!isRealText(text)) {
            return null;
        }
        int rotation = page.getRotation();
        int width = Math.round(rotation % 180 == 0 ? box.getWidth() : box.getHeight());
        int height = Math.round(rotation % 180 == 0 ? box.getHeight() : box.getWidth());
        return new OcrPage(width, height, text.strip(), stripper.words, 100);
    }

    /**
     * Enough characters, and mostly letters and digits: fonts without a Unicode mapping give replacement characters
     * or symbols, which are no better than no text and should be OCR'd instead.
     */
    private boolean isRealText(String text) {
        int visible = 0;
        int alnum = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            if (Character.isLetterOrDigit(c)) {
                alnum++;
            }
        }
        return visible >= properties.minTextLayerChars() && alnum * 2 >= visible;
    }

    private GrayRaster render(PDFRenderer renderer, int index, PDRectangle box) {
        double w = box.getWidth();
        double h = box.getHeight();
        double scale = properties.renderDpi() / 72.0;
        scale = Math.min(scale, Math.sqrt(limits.maxOcrPixels() / (w * h)));
        scale = Math.min(scale, limits.maxSidePixels() / Math.max(w, h));
        try {
            BufferedImage image = renderer.renderImage(index, (float) scale, ImageType.GRAY);
            return GrayRaster.adopt(image, Math.max(1, (int) Math.round(scale * 72)));
        } catch (IOException e) {
            throw new UnreadableDocumentException("Page " + (index + 1) + " of the PDF could not be drawn: "
                    + ImageDecoder.describe(e), e);
        } catch (RuntimeException e) {
            throw new UnreadableDocumentException("Page " + (index + 1) + " of the PDF is damaged: "
                    + ImageDecoder.describe(e), e);
        }
    }

    /** Collects words with their boxes (in points, top-left origin) while PDFBox extracts the text. */
    private static final class WordCollector extends PDFTextStripper {

        private final List<OcrWord> words = new ArrayList<>();
        private int line;
        private int block = -1;

        @Override
        protected void writeParagraphStart() throws IOException {
            block++;
            super.writeParagraphStart();
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            line++;
            super.writeLineSeparator();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            super.writeString(text, positions);
            // PDFBox's "words" keep the spaces the PDF itself draws; split them so boxes are per word, as from OCR.
            List<TextPosition> run = new ArrayList<>();
            for (TextPosition p : positions) {
                if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                    addWord(run);
                    run.clear();
                } else {
                    run.add(p);
                }
            }
            addWord(run);
        }

        private void addWord(List<TextPosition> run) {
            if (run.isEmpty()) {
                return;
            }
            StringBuilder word = new StringBuilder();
            float x0 = Float.MAX_VALUE;
            float y0 = Float.MAX_VALUE;
            float x1 = -Float.MAX_VALUE;
            float y1 = -Float.MAX_VALUE;
            for (TextPosition p : run) {
                word.append(p.getUnicode());
                x0 = Math.min(x0, p.getXDirAdj());
                x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                y0 = Math.min(y0, p.getYDirAdj() - p.getHeightDir());
                y1 = Math.max(y1, p.getYDirAdj());
            }
            words.add(new OcrWord(word.toString(), 100f, Math.round(x0), Math.round(y0), Math.round(x1 - x0),
                    Math.round(y1 - y0), line, Math.max(block, 0)));
        }
    }
}
