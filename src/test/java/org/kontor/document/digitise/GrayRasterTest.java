package org.kontor.document.digitise;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class GrayRasterTest {

    @Test
    void ofCopiesTheCallersImage() {
        BufferedImage image = gray(40, 30);
        GrayRaster raster = GrayRaster.of(image, 300);

        assertThat(raster.pixels()).isNotSameAs(pixels(image)).isEqualTo(pixels(image));
        pixels(image)[0] = 0;
        assertThat(raster.gray(0, 0)).isEqualTo(255);
    }

    @Test
    void adoptTakesAFreshGrayImagesPixelsWithoutCopying() {
        BufferedImage image = gray(40, 30);
        GrayRaster raster = GrayRaster.adopt(image, 200);

        assertThat(raster.pixels()).isSameAs(pixels(image));
        assertThat(raster.width()).isEqualTo(40);
        assertThat(raster.height()).isEqualTo(30);
        assertThat(raster.dpi()).isEqualTo(200);
        assertThat(raster.gray(10, 5)).isZero();
        assertThat(raster.gray(39, 29)).isEqualTo(255);
    }

    @Test
    void adoptConvertsWhatIsNotAPlainGrayRaster() {
        BufferedImage rgb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 20, 10);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 5, 10);
        g.dispose();
        GrayRaster fromRgb = GrayRaster.adopt(rgb, 300);
        assertThat(fromRgb.gray(2, 2)).isZero();
        assertThat(fromRgb.gray(10, 2)).isEqualTo(255);

        // a part of a bigger gray image shares its array with an offset: its pixels are taken row by row
        BufferedImage part = gray(40, 30).getSubimage(8, 4, 10, 10);
        GrayRaster fromPart = GrayRaster.adopt(part, 300);
        assertThat(fromPart.pixels()).hasSize(100);
        assertThat(fromPart.gray(2, 1)).isZero();
        assertThat(fromPart.gray(0, 0)).isEqualTo(255);
    }

    /** White, with a black rectangle from (10, 5) to (19, 14). */
    private static BufferedImage gray(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.fillRect(10, 5, 10, 10);
        g.dispose();
        return image;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
