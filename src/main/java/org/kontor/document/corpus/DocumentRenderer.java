package org.kontor.document.corpus;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints a generated document onto an A4 greyscale page with Java2D and makes it look scanned (skew, blur,
 * speckles, faded contrast), so the OCR robot can be trained and benchmarked on pages whose text is known.
 * Deterministic for a given document and style.
 */
public final class DocumentRenderer {

    private static final double A4_WIDTH_INCH = 8.27;
    private static final double A4_HEIGHT_INCH = 11.69;
    private static final double MARGIN_INCH = 0.6;

    public BufferedImage render(GeneratedDocument doc, RenderStyle style) {
        int width = (int) Math.round(A4_WIDTH_INCH * style.dpi());
        int height = (int) Math.round(A4_HEIGHT_INCH * style.dpi());
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.rotate(Math.toRadians(style.skewDegrees()), width / 2.0, height / 2.0);
            g.setColor(Color.BLACK);
            drawLines(g, doc, style, width, height);
        } finally {
            g.dispose();
        }
        BufferedImage scanned = style.blurRadius() > 0 ? blur(page, style.blurRadius()) : page;
        degrade(scanned, style, new Random(doc.seed() ^ 0x5CA77EDL));
        return scanned;
    }

    private static void drawLines(Graphics2D g, GeneratedDocument doc, RenderStyle style, int width, int height) {
        double pxPerPoint = style.dpi() / 72.0;
        int margin = (int) (MARGIN_INCH * style.dpi());
        int printable = width - 2 * margin;
        Font body = new Font(style.fontFamily(), Font.PLAIN, Math.round(style.fontSize() * (float) pxPerPoint));
        // Shrink the body font until the widest line fits, as a word processor's "fit to page" would.
        float scale = 1f;
        g.setFont(body);
        for (TextLine line : doc.lines()) {
            for (Cell c : line.cells()) {
                double right = c.x() * printable + g.getFontMetrics().stringWidth(c.text());
                if (right > printable) {
                    scale = (float) Math.min(scale, Math.max(0.55, (printable - c.x() * printable) / g.getFontMetrics().stringWidth(c.text())));
                }
            }
        }
        double y = margin;
        for (TextLine line : doc.lines()) {
            Font font = fontFor(body, line.style(), scale);
            g.setFont(font);
            int lineHeight = g.getFontMetrics().getHeight();
            y += lineHeight;
            if (y > height - margin) {
                break;
            }
            for (Cell c : line.cells()) {
                g.drawString(c.text(), (float) (margin + c.x() * printable), (float) y);
            }
        }
    }

    private static Font fontFor(Font body, LineStyle style, float scale) {
        float size = body.getSize2D() * scale;
        return switch (style) {
            case TITLE -> body.deriveFont(Font.BOLD, size * 1.8f);
            case HEADING -> body.deriveFont(Font.BOLD, size * 1.25f);
            case BOLD -> body.deriveFont(Font.BOLD, size);
            case SMALL -> body.deriveFont(Font.PLAIN, size * 0.85f);
            case NORMAL -> body.deriveFont(Font.PLAIN, size);
        };
    }

    private static BufferedImage blur(BufferedImage src, int radius) {
        int size = radius * 2 + 1;
        float[] kernel = new float[size * size];
        Arrays.fill(kernel, 1f / kernel.length);
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(src, dst);
        return dst;
    }

    /** Faded ink on grey paper, plus speckles. */
    private static void degrade(BufferedImage img, RenderStyle style, Random r) {
        WritableRaster raster = img.getRaster();
        int paper = 255 - (int) Math.round((1 - style.contrast()) * 60);
        int ink = (int) Math.round((1 - style.contrast()) * 110);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int v = ink + row[x] * (paper - ink) / 255;
                if (style.noise() > 0 && r.nextDouble() < style.noise()) {
                    v = r.nextInt(256);
                }
                row[x] = v;
            }
            raster.setPixels(0, y, w, 1, row);
        }
    }
}
