package org.kontor.document.digitise;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.kontor.document.content.ContentType;
import org.springframework.stereotype.Component;

/**
 * Pictures of document pages for people: the "Review order" form shows the scan beside the fields. Decoded
 * in Java within the digitising limits, like everything Kontor reads, and scaled down to screen size.
 */
@Component
public class PagePreviews {

    public static final int WIDTH = 1000;

    private final ImageDecoder images;
    private final PdfDecoder pdfs;

    public PagePreviews(OcrProperties properties) {
        this.images = new ImageDecoder(properties.limits());
        this.pdfs = new PdfDecoder(properties);
    }

    /** Page {@code pageIndex} (0-based) of a PDF or image, at most {@value #WIDTH} pixels wide, gray. */
    public BufferedImage page(Path file, ContentType type, int pageIndex) {
        if (type == ContentType.PDF) {
            return pdfs.renderPage(file, pageIndex, WIDTH);
        }
        if (!type.isImage()) {
            throw new IllegalArgumentException(type + " has no pages to show");
        }
        BufferedImage[] wanted = new BufferedImage[1];
        int[] index = {0};
        images.decode(file, type, raster -> {
            if (index[0]++ == pageIndex) {
                wanted[0] = scaled(raster.toImage());
            }
        });
        if (wanted[0] == null) {
            throw new UnreadableDocumentException("The image has no page " + (pageIndex + 1) + " to show.");
        }
        return wanted[0];
    }

    private static BufferedImage scaled(BufferedImage image) {
        if (image.getWidth() <= WIDTH) {
            return image;
        }
        int height = (int) Math.round(image.getHeight() * (double) WIDTH / image.getWidth());
        BufferedImage out = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, WIDTH, height, null);
        g.dispose();
        return out;
    }
}
