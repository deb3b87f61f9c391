package org.kontor.document.corpus;

import java.util.List;
import java.util.Random;

/**
 * How a page is printed and scanned: font, size, resolution, skew, blur, speckle noise and contrast.
 *
 * @param fontFamily  an installed family
 * @param fontSize    body size in points
 * @param dpi         scan resolution; the page is A4
 * @param skewDegrees rotation of the page on the scanner glass
 * @param blurRadius  0 for a sharp scan, 1..2 for an out-of-focus one
 * @param noise       share of pixels flipped to random grey (0..0.05)
 * @param contrast    1 = black ink on white; lower values give grey ink on grey paper
 */
public record RenderStyle(String fontFamily, float fontSize, int dpi, double skewDegrees, int blurRadius, double noise,
        double contrast) {

    public static RenderStyle clean(String fontFamily) {
        return new RenderStyle(fontFamily, 10f, 150, 0, 0, 0, 1);
    }

    /** A random scan of typical office quality. */
    public static RenderStyle random(Random r, List<String> fonts) {
        return new RenderStyle(
                fonts.get(r.nextInt(fonts.size())),
                9f + r.nextInt(4),
                r.nextInt(3) == 0 ? 200 : 150,
                (r.nextDouble() * 2 - 1) * 2.0,
                r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(2),
                r.nextDouble() * 0.02,
                0.55 + r.nextDouble() * 0.45);
    }

    /**
     * A scan as an office scanner or fax delivers it: mostly 200 or 300 dpi, some 150; a little blur at most
     * (a radius-2 blur only at 300 dpi, where it is still legible); faint speckles; ink from grey to black.
     */
    public static RenderStyle office(Random r, List<String> fonts) {
        int roll = r.nextInt(10);
        int dpi = roll < 4 ? 300 : roll < 8 ? 200 : 150;
        int blur = r.nextInt(10) < 6 ? 0 : dpi == 300 && r.nextBoolean() ? 2 : 1;
        return new RenderStyle(
                fonts.get(r.nextInt(fonts.size())),
                9f + r.nextInt(4),
                dpi,
                (r.nextDouble() * 2 - 1) * 2.0,
                blur,
                r.nextDouble() * 0.015,
                0.6 + r.nextDouble() * 0.4);
    }
}
