package org.kontor.document.digitise;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.kontor.document.content.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.NodeList;

/**
 * Decodes PNG, JPEG and (multi-page) TIFF files into gray rasters with Java's ImageIO, within limits. Every page's
 * size is read from its header and checked before any page's pixels are decoded, so a header claiming
 * 60000 x 60000 pixels costs nothing but the refusal.
 */
final class ImageDecoder {

    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);
    private static final int DEFAULT_DPI = 300;

    private final OcrProperties.Limits limits;

    ImageDecoder(OcrProperties.Limits limits) {
        this.limits = limits;
    }

    /** Decodes page after page, handing each to {@code pageConsumer}; only one decoded page is held at a time. */
    void decode(Path file, ContentType type, Consumer<GrayRaster> pageConsumer) {
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            ImageReader reader = reader(type);
            try {
                reader.setInput(in, false, false);
                List<int[]> sizes = pageSizes(reader, type);
                for (int i = 0; i < sizes.size(); i++) {
                    GrayRaster page = readPage(reader, i, sizes.get(i));
                    try {
                        pageConsumer.accept(page);
                    } catch (RuntimeException e) {
                        throw new ConsumerFailure(e);
                    }
                }
            } finally {
                reader.dispose();
            }
        } catch (IIOException e) {
            throw new UnreadableDocumentException("The image is damaged or not a valid " + type + " file: "
                    + describe(e), e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("The image could not be read: " + describe(e), e);
        } catch (ConsumerFailure e) {
            // OCR failed, not the file: pass the original on unchanged.
            throw e.getCause();
        } catch (RuntimeException e) {
            if (e instanceof UnreadableDocumentException) {
                throw e;
            }
            // ImageIO plug-ins throw assorted runtime exceptions on malformed input (e.g. IllegalArgumentException,
            // ArrayIndexOutOfBoundsException from a broken TIFF directory).
            throw new UnreadableDocumentException("The image is damaged: " + describe(e), e);
        }
    }

    private List<int[]> pageSizes(ImageReader reader, ContentType type) throws IOException {
        // Pages are counted by asking for their headers one by one, never with getNumImages(true), which would
        // walk a hostile TIFF's whole (possibly endless) directory chain.
        int maxIndex = type == ContentType.TIFF ? limits.maxPages() : 0;
        List<int[]> sizes = new ArrayList<>();
        for (int i = 0; i <= maxIndex; i++) {
            int w;
            int h;
            try {
                w = reader.getWidth(i);
                h = reader.getHeight(i);
            } catch (IndexOutOfBoundsException e) {
                break;
            }
            checkPage(i, w, h);
            sizes.add(new int[] {w, h});
        }
        if (sizes.isEmpty()) {
            throw new UnreadableDocumentException("The image file contains no image.");
        }
        if (sizes.size() > limits.maxPages()) {
            throw new UnreadableDocumentException("The TIFF has more than " + limits.maxPages()
                    + " pages; at most " + limits.maxPages() + " are read.");
        }
        return sizes;
    }

    private void checkPage(int index, int w, int h) {
        String which = index == 0 ? "The image" : "Page " + (index + 1) + " of the image";
        if (w <= 0 || h <= 0) {
            throw new UnreadableDocumentException(which + " claims a size of " + w + " x " + h + " pixels.");
        }
        if (w > limits.maxSidePixels() || h > limits.maxSidePixels()) {
            throw new UnreadableDocumentException(which + " is " + w + " x " + h + " pixels; at most "
                    + limits.maxSidePixels() + " pixels per side are read.");
        }
        if ((long) w * h > limits.maxPixelsPerPage()) {
            throw new UnreadableDocumentException(which + " has " + megapixels((long) w * h) + " megapixels; at most "
                    + megapixels(limits.maxPixelsPerPage()) + " are read.");
        }
    }

    private GrayRaster readPage(ImageReader reader, int index, int[] size) throws IOException {
        long pixels = (long) size[0] * size[1];
        ImageReadParam param = reader.getDefaultReadParam();
        // Decode big scans at a lower resolution right away; OCR gains nothing beyond ~600 dpi and the heap would.
        int step = 1;
        while (pixels / ((long) step * step) > limits.maxOcrPixels()) {
            step++;
        }
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        List<String> truncation = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("end of file")) {
                truncation.add(warning);
            } else {
                log.debug("Image warning on page {}: {}", index + 1, warning);
            }
        });
        BufferedImage image = reader.read(index, param);
        reader.removeAllIIOReadWarningListeners();
        if (!truncation.isEmpty()) {
            throw new UnreadableDocumentException("The image is damaged: " + truncation.get(0)
                    + " (the file was probably cut off).");
        }
        int dpi = Math.max(1, dpi(reader, index) / step);
        return GrayRaster.adopt(image, dpi);
    }

    /** The scan resolution from the file's metadata; 300 when absent or implausible. */
    private static int dpi(ImageReader reader, int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return DEFAULT_DPI;
            }
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
            NodeList nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() == 0) {
                return DEFAULT_DPI;
            }
            double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
            int dpi = (int) Math.round(25.4 / mmPerPixel);
            return dpi >= 70 && dpi <= 1200 ? dpi : DEFAULT_DPI;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_DPI;
        }
    }

    /** Prefers the JDK's own plug-in (patched with the JDK) over others on the classpath, e.g. jai-imageio's TIFF. */
    private static ImageReader reader(ContentType type) {
        String format = switch (type) {
            case PNG -> "png";
            case JPEG -> "jpeg";
            case TIFF -> "tiff";
            default -> throw new IllegalArgumentException("Not an image type: " + type);
        };
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format); it.hasNext(); ) {
            ImageReader candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return fallback;
    }

    /** Carries a failure of the page consumer past the decoding error handling. */
    static final class ConsumerFailure extends RuntimeException {
        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
    }

    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message.toString();
    }
}
