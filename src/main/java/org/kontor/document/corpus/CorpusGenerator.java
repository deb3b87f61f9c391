package org.kontor.document.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kontor.document.DocumentType;

/**
 * Generates labelled synthetic documents of all {@link DocumentType}s, deterministically from a seed. Types
 * are balanced (document {@code i} has type {@code i mod 6}); layout family, wording and content are drawn per
 * document from the split's own pools, so two splits never share a layout family and only the held-out split
 * uses held-out wording.
 */
public final class CorpusGenerator {

    private final long seed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    public List<GeneratedDocument> generate(CorpusSplit split, int count) {
        List<GeneratedDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            docs.add(document(split, i));
        }
        return docs;
    }

    public GeneratedDocument document(CorpusSplit split, int index) {
        DocumentType type = DocumentType.values()[index % DocumentType.values().length];
        long docSeed = mix(seed, split.ordinal(), index);
        Random r = new Random(docSeed);
        LayoutFamily family = LayoutFamily.of(LayoutFamily.firstIndex(split) + r.nextInt(LayoutFamily.count(split)));
        DocumentComposer composer = new DocumentComposer(r, family);
        List<TextLine> lines = composer.compose(type);
        return new GeneratedDocument(split.name().toLowerCase() + "-" + seed + "-" + index, type, composer.kind(),
                family.id(), composer.wording(), split, docSeed, lines);
    }

    /** A uniform number in [0, 1) derived from the parts: for decisions that must be reproducible. */
    public static double unit(long... parts) {
        return (mix(parts) >>> 11) / (double) (1L << 53);
    }

    /** SplitMix64 over the parts, so neighbouring seeds and indices give unrelated streams. */
    static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h += p * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}
