package org.kontor.document.digitise;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * An 8-bit gray page, one byte per pixel, rows top to bottom without padding, 0 = black. This is the only form in
 * which a page reaches Tesseract: decoded and bounded in Java, so native code never parses file bytes.
 */
public record GrayRaster(byte[] pixels, int width, int height, int dpi) {

    public GrayRaster {
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException("Raster of " + width + " x " + height + " with " + pixels.length + " bytes");
        }
    }

    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * Converts any decoded image to gray by luminance; transparent pixels count as white paper, not black. The image
     * stays the caller's: its pixels are copied.
     */
    public static GrayRaster of(BufferedImage image, int dpi) {
        byte[] own = grayPixels(image);
        return own != null ? new GrayRaster(own.clone(), image.getWidth(), image.getHeight(), dpi) : convert(image, dpi);
    }

    /**
     * As {@link #of} for an image nobody else holds (one just decoded): an 8-bit gray image's pixel array becomes the
     * raster's as it is. A 300 dpi A4 page is 8.7 MB, and copying it meant a second such array per page for the
     * garbage collector, where G1 places it outside the young generation (a humongous object).
     */
    static GrayRaster adopt(BufferedImage image, int dpi) {
        byte[] own = grayPixels(image);
        return own != null ? new GrayRaster(own, image.getWidth(), image.getHeight(), dpi) : convert(image, dpi);
    }

    /** The image's own pixel array when it is exactly a raster's layout (8-bit gray, no padding or offset), else null. */
    private static byte[] grayPixels(BufferedImage image) {
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && raster.getDataBuffer() instanceof DataBufferByte buffer
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel().getWidth() == image.getWidth() && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && buffer.getData().length == Math.multiplyExact(image.getWidth(), image.getHeight())) {
            return buffer.getData();
        }
        return null;
    }

    private static GrayRaster convert(BufferedImage image, int dpi) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] gray = new byte[Math.multiplyExact(w, h)];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int offset = y * w;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int lum = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
                gray[offset + x] = (byte) ((lum * a + 255 * (255 - a)) / 255);
            }
        }
        return new GrayRaster(gray, w, h, dpi);
    }

    /** A copy of the rectangle (clipped to the raster), at the same resolution. */
    public GrayRaster crop(int x, int y, int w, int h) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("Crop " + x + "," + y + " " + w + " x " + h + " is outside the raster");
        }
        int cw = x1 - x0;
        byte[] out = new byte[cw * (y1 - y0)];
        for (int row = y0; row < y1; row++) {
            System.arraycopy(pixels, row * width + x0, out, (row - y0) * cw, cw);
        }
        return new GrayRaster(out, cw, y1 - y0, dpi);
    }

    /** For page previews and tests. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return image;
    }
}
