package org.kontor.document.digitise;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Purchase orders drawn with Java2D, as a scanner would deliver them: 300 dpi, a little noise, a slight slant. */
public final class TestDocuments {

    public static final int DPI = 300;
    /** A4 at 300 dpi. */
    public static final int A4_WIDTH = 2480;
    public static final int A4_HEIGHT = 3508;

    private TestDocuments() {
    }

    /** What one rendered order says, so tests can check the OCR against it. */
    public record Order(String poNumber, String customer, String[] skus, String total) {
    }

    public static Order order(int n) {
        String[] skus = {"SKU-" + (10040 + n), "SKU-" + (20417 + n * 3), "SKU-" + (31862 + n * 7)};
        return new Order("PO-" + (2024000 + n * 37), "C-" + (1000 + n), skus, String.format("%d.%02d", 1200 + n * 11, 45));
    }

    /** An A4 purchase order page, gray, with the text rotated by {@code skewDegrees} and salt-and-pepper noise. */
    public static BufferedImage purchaseOrder(Order order, String fontFamily, double skewDegrees, long seed) {
        BufferedImage image = new BufferedImage(A4_WIDTH, A4_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, A4_WIDTH, A4_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.transform(AffineTransform.getRotateInstance(Math.toRadians(skewDegrees), A4_WIDTH / 2.0, A4_HEIGHT / 2.0));
        g.setColor(new Color(20, 20, 20));
        // 12 pt at 300 dpi = 50 px; 10 pt = 42 px.
        g.setFont(new Font(fontFamily, Font.BOLD, 75));
        g.drawString("PURCHASE ORDER", 200, 320);
        g.setFont(new Font(fontFamily, Font.PLAIN, 46));
        int y = 480;
        String[] header = {
            "PO Number: " + order.poNumber(),
            "Customer No: " + order.customer(),
            "Order Date: 2024-03-15",
            "Requested Delivery: 2024-03-22",
            "Deliver to: Hafenstrasse 12, 20457 Hamburg",
        };
        for (String line : header) {
            g.drawString(line, 200, y);
            y += 70;
        }
        y += 80;
        g.setFont(new Font(fontFamily, Font.BOLD, 46));
        int[] cols = {200, 650, 1450, 1750, 2050};
        String[] titles = {"SKU", "Description", "Qty", "Price", "Amount"};
        for (int i = 0; i < cols.length; i++) {
            g.drawString(titles[i], cols[i], y);
        }
        g.drawLine(200, y + 20, 2300, y + 20);
        y += 90;
        g.setFont(new Font(fontFamily, Font.PLAIN, 46));
        String[] descriptions = {"Steel bolts M8", "Cable ties 200mm", "Safety gloves L"};
        for (int i = 0; i < order.skus().length; i++) {
            g.drawString(order.skus()[i], cols[0], y);
            g.drawString(descriptions[i], cols[1], y);
            g.drawString(String.valueOf(10 * (i + 1)), cols[2], y);
            g.drawString("12.50", cols[3], y);
            g.drawString(String.format("%d.00", 125 * (i + 1)), cols[4], y);
            y += 70;
        }
        g.drawLine(200, y - 30, 2300, y - 30);
        y += 60;
        g.setFont(new Font(fontFamily, Font.BOLD, 46));
        g.drawString("Total: " + order.total() + " EUR", 1450, y);
        g.dispose();
        addNoise(image, seed);
        return image;
    }

    /** Mild scanner noise: a few specks and a little gray jitter. */
    static void addNoise(BufferedImage image, long seed) {
        Random random = new Random(seed);
        var raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        for (int i = 0; i < w * h / 2000; i++) {
            raster.setSample(random.nextInt(w), random.nextInt(h), 0, random.nextBoolean() ? 0 : 255);
        }
        for (int y = 0; y < h; y += 1) {
            for (int x = random.nextInt(7); x < w; x += 7) {
                int v = raster.getSample(x, y, 0) + random.nextInt(31) - 15;
                raster.setSample(x, y, 0, Math.max(0, Math.min(255, v)));
            }
        }
    }

    public static Path writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    /** Collapses whitespace so assertions do not depend on line breaks. */
    public static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }

    public static Path tempDir(String name) throws IOException {
        return Files.createTempDirectory(name);
    }
}
