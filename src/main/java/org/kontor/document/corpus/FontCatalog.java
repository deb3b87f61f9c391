package org.kontor.document.corpus;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The font families installed on this machine that can print a business document. Nothing is bundled: the
 * corpus uses whatever is installed (DejaVu at least; Liberation, FreeFont, URW when those packages are
 * present), and a held-out share of families can be kept away from training renders.
 */
public final class FontCatalog {

    private static final Set<String> LOGICAL = Set.of("Dialog", "DialogInput", "Monospaced", "SansSerif", "Serif");
    /** Installed with the document fonts but no one prints an order in them: a calligraphic script, maths. */
    private static final Set<String> NOT_FOR_PAPERWORK = Set.of("Z003", "DejaVu Math TeX Gyre", "Standard Symbols PS",
            "D050000L");
    private static final String SAMPLE = "Invoice No. 0123456789 Qty £$€ %&/()";

    private final List<String> families;

    private FontCatalog(List<String> families) {
        this.families = List.copyOf(families);
    }

    public static FontCatalog installed() {
        List<String> usable = new ArrayList<>();
        for (String name : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            if (LOGICAL.contains(name) || NOT_FOR_PAPERWORK.contains(name)) {
                continue;
            }
            Font font = new Font(name, Font.PLAIN, 12);
            if (font.canDisplayUpTo(SAMPLE) == -1) {
                usable.add(name);
            }
        }
        if (usable.isEmpty()) {
            // A headless JRE without fontconfig still has the logical fonts.
            usable.addAll(List.of("SansSerif", "Serif", "Monospaced"));
        }
        usable.sort(Comparator.naturalOrder());
        return new FontCatalog(usable);
    }

    public List<String> families() {
        return families;
    }

    /**
     * Families for rendering the given split: a stable share of the installed families (by name hash, so
     * installing more fonts does not reshuffle the existing ones) is held out from training. With fewer than
     * three families installed there is nothing to spare and every split gets all of them.
     */
    public List<String> forSplit(CorpusSplit split, double heldOutShare) {
        if (families.size() < 3) {
            return families;
        }
        List<String> held = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String f : families) {
            double u = (CorpusGenerator.mix(f.hashCode(), 0xF0F7L) >>> 11) / (double) (1L << 53);
            (u < heldOutShare ? held : kept).add(f);
        }
        if (held.isEmpty()) {
            held.add(kept.remove(kept.size() - 1));
        }
        if (kept.isEmpty()) {
            kept.add(held.remove(0));
        }
        return split == CorpusSplit.HELD_OUT ? held : kept;
    }
}
