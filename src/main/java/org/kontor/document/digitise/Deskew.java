package org.kontor.document.digitise;

/**
 * Straightens a page scanned at a slant. Tesseract copes with a degree or so but splits text lines once the slant
 * is larger, which breaks the line tables that extraction relies on.
 *
 * <p>The angle is found by a projection-profile search on a downscaled, binarised copy: rotating the ink points
 * by the right angle makes the text lines fall into few, dense rows, which maximises the sum of squared row
 * counts. A coarse search over the allowed range is refined around its best angle.
 */
final class Deskew {

    /** Width of the copy the angle is measured on; enough for line structure, cheap to search. */
    private static final int ANALYSIS_WIDTH = 1000;
    private static final double COARSE_STEP = 0.25;
    private static final double FINE_STEP = 0.025;
    /** Below this the rotation would blur more than it straightens. */
    private static final double MIN_CORRECTION = 0.15;
    private static final int MAX_INK_POINTS = 400_000;

    private Deskew() {
    }

    /** The page's skew in degrees (positive = text runs down to the right, i.e. clockwise), 0 if unclear. */
    static double estimateAngle(GrayRaster page, double maxDegrees) {
        int step = Math.max(1, (int) Math.ceil(page.width() / (double) ANALYSIS_WIDTH));
        int w = page.width() / step;
        int h = page.height() / step;
        if (w < 50 || h < 50) {
            return 0;
        }
        int threshold = otsu(page, step);
        // sized to the ink there is: a typed page has a fraction of MAX_INK_POINTS, and two arrays of the maximum
        // (1.6 MB each) were two more humongous objects for G1 on every page
        int n = inkPoints(page, step, w, h, threshold, null, null, MAX_INK_POINTS);
        int[] xs = new int[n];
        int[] ys = new int[n];
        inkPoints(page, step, w, h, threshold, xs, ys, n);
        if (n < 200) {
            return 0;
        }
        int rows = (int) Math.ceil(Math.hypot(w, h)) + 2;
        double best = 0;
        double bestScore = -1;
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += COARSE_STEP) {
            double score = score(xs, ys, n, a, rows);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - COARSE_STEP; a <= coarse + COARSE_STEP + 1e-9; a += FINE_STEP) {
            double score = score(xs, ys, n, a, rows);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    /**
     * The first {@code limit} sampled ink pixels, row by row, relative to the page's centre, stored in {@code xs} and
     * {@code ys} unless they are null (then only counted); returns how many there are.
     */
    private static int inkPoints(GrayRaster page, int step, int w, int h, int threshold, int[] xs, int[] ys, int limit) {
        int n = 0;
        for (int y = 0; y < h && n < limit; y++) {
            for (int x = 0; x < w && n < limit; x++) {
                if (page.gray(x * step, y * step) < threshold) {
                    if (xs != null) {
                        xs[n] = x - w / 2;
                        ys[n] = y - h / 2;
                    }
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Rotates the page by {@code -angle} so its text lines become horizontal; the canvas grows to keep the corners,
     * new area is white. Bilinear, in 16.16 fixed point on the byte array: about five times faster than Java2D's
     * generic path for gray images, which matters at 9 MP per page.
     */
    static GrayRaster straighten(GrayRaster page, double angle) {
        if (Math.abs(angle) < MIN_CORRECTION) {
            return page;
        }
        double theta = Math.toRadians(-angle);
        double sin = Math.sin(theta);
        double cos = Math.cos(theta);
        int sw = page.width();
        int sh = page.height();
        int w = (int) Math.ceil(sw * Math.abs(cos) + sh * Math.abs(sin));
        int h = (int) Math.ceil(sh * Math.abs(cos) + sw * Math.abs(sin));
        byte[] src = page.pixels();
        byte[] dst = new byte[Math.multiplyExact(w, h)];
        double cx = w / 2.0;
        double cy = h / 2.0;
        double scx = sw / 2.0;
        double scy = sh / 2.0;
        int stepX = (int) Math.round(cos * 65536);
        int stepY = (int) Math.round(-sin * 65536);
        for (int dy = 0; dy < h; dy++) {
            // Source position of (0, dy): the inverse rotation about the centres.
            double ox = -cx;
            double oy = dy - cy;
            int fx = (int) Math.round((cos * ox + sin * oy + scx) * 65536);
            int fy = (int) Math.round((-sin * ox + cos * oy + scy) * 65536);
            int row = dy * w;
            for (int dx = 0; dx < w; dx++, fx += stepX, fy += stepY) {
                int x0 = fx >> 16;
                int y0 = fy >> 16;
                if (x0 < 0 || y0 < 0 || x0 >= sw - 1 || y0 >= sh - 1) {
                    dst[row + dx] = (byte) 255;
                    continue;
                }
                int ax = (fx >> 8) & 0xFF;
                int ay = (fy >> 8) & 0xFF;
                int i = y0 * sw + x0;
                int top = (src[i] & 0xFF) * (256 - ax) + (src[i + 1] & 0xFF) * ax;
                int bottom = (src[i + sw] & 0xFF) * (256 - ax) + (src[i + sw + 1] & 0xFF) * ax;
                dst[row + dx] = (byte) ((top * (256 - ay) + bottom * ay) >> 16);
            }
        }
        return new GrayRaster(dst, w, h, page.dpi());
    }

    private static double score(int[] xs, int[] ys, int n, double degrees, int rows) {
        double r = Math.toRadians(degrees);
        double sin = Math.sin(r);
        double cos = Math.cos(r);
        int[] counts = new int[rows];
        int offset = rows / 2;
        for (int i = 0; i < n; i++) {
            // Row of the point after rotating the page by -degrees.
            int row = (int) Math.round(ys[i] * cos - xs[i] * sin) + offset;
            if (row >= 0 && row < rows) {
                counts[row]++;
            }
        }
        double sum = 0;
        for (int c : counts) {
            sum += (double) c * c;
        }
        return sum;
    }

    /** Otsu's threshold on a sample of the page. */
    private static int otsu(GrayRaster page, int step) {
        long[] histogram = new long[256];
        long total = 0;
        for (int y = 0; y < page.height(); y += step) {
            for (int x = 0; x < page.width(); x += step) {
                histogram[page.gray(x, y)]++;
                total++;
            }
        }
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * histogram[i];
        }
        double sumBelow = 0;
        long below = 0;
        double bestVariance = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            below += histogram[t];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += (double) t * histogram[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sumAll - sumBelow) / above;
            double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (variance > bestVariance) {
                bestVariance = variance;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
