package org.kontor.document.digitise;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm Tesseract engines, at most {@code size}, each used by one thread at a time. Engines are created on first
 * demand (so a node that never sees a scan never loads the model) and then kept until {@link #close()}; a page
 * never pays for initialisation once its engine exists. Callers beyond {@code size} wait for a free engine,
 * which bounds the CPU and memory that OCR takes from the node.
 */
public final class TesseractPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TesseractPool.class);
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final Path dataDir;
    private final OcrProperties properties;
    private final int size;
    private final Semaphore permits;
    private final Deque<TesseractEngine> idle = new ConcurrentLinkedDeque<>();
    private final List<TesseractEngine> all = new ArrayList<>();
    private volatile boolean closed;

    public TesseractPool(Path dataDir, OcrProperties properties) {
        this.dataDir = dataDir;
        this.properties = properties;
        this.size = properties.effectivePoolSize();
        this.permits = new Semaphore(size, true);
    }

    public int size() {
        return size;
    }

    /** Recognises one page on a free engine, waiting for one if all are busy. */
    public OcrPage recognise(GrayRaster page) {
        return recognise(page, Segmentation.AUTO);
    }

    /** Recognises one page, or a cropped part of one, with the given page segmentation. */
    public OcrPage recognise(GrayRaster page, Segmentation segmentation) {
        return recognise(page, segmentation, null);
    }

    /** As {@link #recognise(GrayRaster, Segmentation)} allowing only the characters of {@code whitelist} (null: all). */
    public OcrPage recognise(GrayRaster page, Segmentation segmentation, String whitelist) {
        acquire();
        try {
            TesseractEngine engine = idle.pollFirst();
            if (engine == null) {
                engine = create();
            }
            try {
                return engine.recognise(page, segmentation, whitelist);
            } finally {
                idle.addFirst(engine);
            }
        } finally {
            permits.release();
        }
    }

    /** Creates every engine not yet created, so the first pages do not wait for model loading. */
    public void warmUp() {
        acquireAll();
        try {
            while (engineCount() < size) {
                idle.addLast(create());
            }
        } finally {
            permits.release(size);
        }
    }

    public synchronized int engineCount() {
        return all.size();
    }

    private TesseractEngine create() {
        if (closed) {
            throw new IllegalStateException("The OCR engine pool is shut down");
        }
        TesseractNatives.Setup setup = TesseractNatives.prepare(dataDir, properties);
        long start = System.nanoTime();
        TesseractEngine engine = new TesseractEngine(setup.tessdataDir(), properties.language());
        synchronized (this) {
            all.add(engine);
        }
        log.info("Tesseract engine {} of {} ready in {} ms", engineCount(), size,
                (System.nanoTime() - start) / 1_000_000);
        return engine;
    }

    private void acquire() {
        if (closed) {
            throw new IllegalStateException("The OCR engine pool is shut down");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an OCR engine", e);
        }
    }

    private void acquireAll() {
        try {
            permits.acquire(size);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the OCR engines", e);
        }
    }

    /** Ends all engines once the pages in progress are done (waiting at most a minute for them). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean quiet;
        try {
            quiet = permits.tryAcquire(size, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            quiet = false;
        }
        if (!quiet) {
            // Ending an engine under a running Recognize would crash the JVM; leaking it at shutdown does not.
            log.warn("OCR still running after {} s; leaving its engines to the process exit", CLOSE_WAIT_SECONDS);
            return;
        }
        synchronized (this) {
            for (TesseractEngine engine : all) {
                engine.close();
            }
            log.info("Closed {} Tesseract engine(s)", all.size());
            all.clear();
        }
        idle.clear();
    }
}
