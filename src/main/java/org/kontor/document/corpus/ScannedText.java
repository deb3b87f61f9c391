package org.kontor.document.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kontor.document.digitise.DigitiseService;
import org.kontor.document.digitise.GrayRaster;
import org.kontor.document.digitise.OcrPage;

/**
 * The text the digitising robot reads from a generated document: printed with {@link DocumentRenderer} in a
 * random scan style (font from the given families, size, resolution, skew, blur, speckles, contrast — all drawn
 * from the document's seed and this source's salt) and recognised by the real, pooled OCR. Slow (a page costs
 * a fraction of a second of OCR), so results can be cached as text files: the cache key holds everything that
 * changes the text except the OCR engine itself.
 */
public final class ScannedText implements Function<GeneratedDocument, String> {

    private final DigitiseService ocr;
    private final List<String> fonts;
    private final long salt;
    private final Path cacheDir;
    private final boolean officeQuality;
    private final DocumentRenderer renderer = new DocumentRenderer();

    /**
     * @param fonts    families to print with, e.g. {@link FontCatalog#forSplit} of the document's split
     * @param cacheDir folder for cached texts, or {@code null} for none
     */
    public ScannedText(DigitiseService ocr, List<String> fonts, long salt, Path cacheDir) {
        this(ocr, fonts, salt, cacheDir, false);
    }

    /**
     * @param officeQuality scans as {@link RenderStyle#office} rather than the rougher mix of
     *                      {@link RenderStyle#random} (which includes blurred 150 dpi pages hardly anyone can read)
     */
    public ScannedText(DigitiseService ocr, List<String> fonts, long salt, Path cacheDir, boolean officeQuality) {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("no font to print with");
        }
        this.ocr = ocr;
        this.fonts = List.copyOf(fonts);
        this.salt = salt;
        this.cacheDir = cacheDir;
        this.officeQuality = officeQuality;
    }

    public RenderStyle style(GeneratedDocument doc) {
        Random r = new Random(doc.seed() ^ salt);
        return officeQuality ? RenderStyle.office(r, fonts) : RenderStyle.random(r, fonts);
    }

    /** Prints, scans and recognises the document, uncached: the page with its words and confidence. */
    public OcrPage read(GeneratedDocument doc) {
        RenderStyle style = style(doc);
        return ocr.ocr(GrayRaster.of(renderer.render(doc, style), style.dpi()));
    }

    @Override
    public String apply(GeneratedDocument doc) {
        RenderStyle style = style(doc);
        Path cached = cacheDir == null ? null
                : cacheDir.resolve(doc.id() + "-" + Long.toHexString(salt) + "-"
                        + Integer.toHexString((style + "|" + doc.text()).hashCode()) + ".txt");
        try {
            if (cached != null && Files.exists(cached)) {
                return Files.readString(cached, StandardCharsets.UTF_8);
            }
            // One page: the robot's document text is the page's text.
            String text = read(doc).text();
            if (cached != null) {
                Files.createDirectories(cacheDir);
                Path tmp = Files.createTempFile(cacheDir, "scan", ".tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("scan cache " + cacheDir, e);
        }
    }

    /**
     * Texts of all documents, in order, recognised by {@code threads} threads at once (match the OCR pool size:
     * more threads only wait for engines). {@code progress} hears how many are done, now and then.
     */
    public List<String> all(List<GeneratedDocument> docs, int threads, Consumer<Integer> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<String>> futures = new ArrayList<>(docs.size());
            for (GeneratedDocument doc : docs) {
                futures.add(pool.submit(() -> {
                    String text = apply(doc);
                    int n = done.incrementAndGet();
                    if (n % 100 == 0 || n == docs.size()) {
                        progress.accept(n);
                    }
                    return text;
                }));
            }
            List<String> texts = new ArrayList<>(docs.size());
            for (Future<String> f : futures) {
                texts.add(f.get());
            }
            return texts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning the corpus", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
