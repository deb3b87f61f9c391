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
}
