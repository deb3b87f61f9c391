package org.kontor.document.digitise;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessChoiceIterator;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;

/**
 * One initialised Tesseract instance. tess4j's {@code Tesseract.doOCR} creates, initialises and ends a
 * TessBaseAPI on every call (checked with javap on 5.20.0: {@code init()} / {@code dispose()} around each
 * doOCR), which loads the model again for every page; this class calls the C API directly so the model is
 * loaded once, in the constructor, and each page costs only SetImage, Recognize and reading the results.
 *
 * <p>Not thread-safe: one page at a time; {@link TesseractPool} hands engines to threads.
 */
final class TesseractEngine implements AutoCloseable {

    private static final String WHITELIST = "tessedit_char_whitelist";
    /** Words whose characters are kept ({@link OcrGlyph}): identifiers, which mix letters and digits. */
    private static final Pattern MIXED = Pattern.compile("(?=.*\\p{L})(?=.*\\d).+");
    private static final int MAX_CHOICES = 4;

    private final TessBaseAPI handle;
    // Out-parameters for bounding boxes, reused: direct buffers, as JNA's direct mapping passes them by address.
    private final IntBuffer left = directInt();
    private final IntBuffer top = directInt();
    private final IntBuffer right = directInt();
    private final IntBuffer bottom = directInt();
    private boolean closed;

    TesseractEngine(Path tessdata, String language) {
        handle = TessAPI1.TessBaseAPICreate();
        int rc = TessAPI1.TessBaseAPIInit2(handle, tessdata.toString(), language, TessOcrEngineMode.OEM_LSTM_ONLY);
        if (rc != 0) {
            TessAPI1.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract could not load language '" + language + "' from " + tessdata);
        }
        TessAPI1.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
        // the line model's alternatives per character (OcrGlyph); the text and confidences it returns stay the same
        TessAPI1.TessBaseAPISetVariable(handle, "lstm_choice_mode", "2");
    }

    OcrPage recognise(GrayRaster page) {
        return recognise(page, Segmentation.AUTO);
    }

    /** Recognises a page (or a cropped part of one) with the given page segmentation, then returns to automatic. */
    OcrPage recognise(GrayRaster page, Segmentation segmentation) {
        return recognise(page, segmentation, null);
    }

    /**
     * As {@link #recognise(GrayRaster, Segmentation)} with only the characters of {@code whitelist} allowed (null: all),
     * then all allowed again for the next page.
     */
    OcrPage recognise(GrayRaster page, Segmentation segmentation, String whitelist) {
        if (closed) {
            throw new IllegalStateException("Tesseract engine is closed");
        }
        int w = page.width();
        int h = page.height();
        // Native memory freed right after the page, instead of a direct ByteBuffer that waits for the GC.
        try (Memory image = new Memory((long) w * h)) {
            image.write(0, page.pixels(), 0, page.pixels().length);
            TessAPI1.TessBaseAPISetImage(handle, image.getByteBuffer(0, (long) w * h), w, h, 1, w);
            TessAPI1.TessBaseAPISetSourceResolution(handle, page.dpi());
            TessAPI1.TessBaseAPISetPageSegMode(handle, segmentation.mode());
            if (whitelist != null) {
                TessAPI1.TessBaseAPISetVariable(handle, WHITELIST, whitelist);
            }
            if (TessAPI1.TessBaseAPIRecognize(handle, null) != 0) {
                throw new IllegalStateException("Tesseract failed to recognise a page of " + w + " x " + h);
            }
            List<OcrWord> words = words();
            String text = text();
            double mean = words.stream().mapToDouble(OcrWord::confidence).average().orElse(0);
            return new OcrPage(w, h, text, words, mean);
        } finally {
            // Drops the page image and results but keeps the loaded model.
            TessAPI1.TessBaseAPIClear(handle);
            TessAPI1.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
            if (whitelist != null) {
                TessAPI1.TessBaseAPISetVariable(handle, WHITELIST, "");
            }
        }
    }

    private List<OcrWord> words() {
        List<OcrWord> words = new ArrayList<>();
        TessResultIterator it = TessAPI1.TessBaseAPIGetIterator(handle);
        if (it == null) {
            return words;
        }
        try {
            TessPageIterator pageIt = TessAPI1.TessResultIteratorGetPageIterator(it);
            int block = -1;
            int line = -1;
            do {
                if (TessAPI1.TessPageIteratorIsAtBeginningOf(pageIt, TessPageIteratorLevel.RIL_BLOCK) != 0) {
                    block++;
                }
                if (TessAPI1.TessPageIteratorIsAtBeginningOf(pageIt, TessPageIteratorLevel.RIL_TEXTLINE) != 0) {
                    line++;
                }
                String word = taken(TessAPI1.TessResultIteratorGetUTF8Text(it, TessPageIteratorLevel.RIL_WORD));
                if (word == null || word.isBlank()) {
                    continue;
                }
                float confidence = TessAPI1.TessResultIteratorConfidence(it, TessPageIteratorLevel.RIL_WORD);
                TessAPI1.TessPageIteratorBoundingBox(pageIt, TessPageIteratorLevel.RIL_WORD, left, top, right, bottom);
                int x = left.get(0);
                int y = top.get(0);
                List<OcrGlyph> glyphs = MIXED.matcher(word).matches() ? glyphs(it) : List.of();
                words.add(new OcrWord(word, confidence, x, y, right.get(0) - x, bottom.get(0) - y,
                        Math.max(line, 0), Math.max(block, 0), glyphs));
            } while (TessAPI1.TessResultIteratorNext(it, TessPageIteratorLevel.RIL_WORD) != 0);
        } finally {
            TessAPI1.TessResultIteratorDelete(it);
        }
        return words;
    }

    /** The characters of the word the iterator stands at, each with the alternatives the line model weighed. */
    private static List<OcrGlyph> glyphs(TessResultIterator word) {
        List<OcrGlyph> glyphs = new ArrayList<>();
        TessResultIterator it = TessAPI1.TessResultIteratorCopy(word);
        try {
            TessPageIterator pageIt = TessAPI1.TessResultIteratorGetPageIterator(it);
            do {
                String text = taken(TessAPI1.TessResultIteratorGetUTF8Text(it, TessPageIteratorLevel.RIL_SYMBOL));
                if (text == null) {
                    break;
                }
                float confidence = TessAPI1.TessResultIteratorConfidence(it, TessPageIteratorLevel.RIL_SYMBOL);
                List<OcrGlyph.Choice> choices = new ArrayList<>();
                TessChoiceIterator choice = TessAPI1.TessResultIteratorGetChoiceIterator(it);
                if (choice != null) {
                    try {
                        do {
                            float c = TessAPI1.TessChoiceIteratorConfidence(choice);
                            String alternative = TessAPI1.TessChoiceIteratorGetUTF8Text(choice);
                            // the model lists every character it considered; those under 1 % weighed nothing
                            if (alternative != null && c >= 1 && choices.size() < MAX_CHOICES) {
                                choices.add(new OcrGlyph.Choice(alternative, c));
                            }
                        } while (TessAPI1.TessChoiceIteratorNext(choice) != 0);
                    } finally {
                        TessAPI1.TessChoiceIteratorDelete(choice);
                    }
                }
                glyphs.add(new OcrGlyph(text, confidence, choices));
                if (TessAPI1.TessPageIteratorIsAtFinalElement(pageIt, TessPageIteratorLevel.RIL_WORD,
                        TessPageIteratorLevel.RIL_SYMBOL) != 0) {
                    break;
                }
            } while (TessAPI1.TessResultIteratorNext(it, TessPageIteratorLevel.RIL_SYMBOL) != 0);
        } finally {
            TessAPI1.TessResultIteratorDelete(it);
        }
        return glyphs;
    }

    private String text() {
        String text = taken(TessAPI1.TessBaseAPIGetUTF8Text(handle));
        return text == null ? "" : text;
    }

    /** The text of a string Tesseract allocated, which is freed here; null for none. */
    private static String taken(Pointer utf8) {
        if (utf8 == null) {
            return null;
        }
        try {
            return utf8.getString(0, StandardCharsets.UTF_8.name());
        } finally {
            TessAPI1.TessDeleteText(utf8);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            TessAPI1.TessBaseAPIEnd(handle);
            TessAPI1.TessBaseAPIDelete(handle);
        }
    }

    private static IntBuffer directInt() {
        return ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).asIntBuffer();
    }
}
