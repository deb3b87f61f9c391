package org.kontor.delivery.planning;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.kontor.masterdata.Depot;
import org.springframework.stereotype.Component;

/**
 * The map picture of a delivery plan for the dispatcher (PNG): the depot, every stop numbered in its vehicle's
 * colour, each vehicle's path depot → stops → depot, unassigned orders as grey crosses, and a legend. Drawn by
 * Kontor from coordinates alone (an equirectangular projection around the plan's centre, true to scale at city
 * size), so no map tiles are fetched from anywhere.
 */
@Component
public class PlanMapRenderer {

    static final int WIDTH = 1000;
    static final int HEIGHT = 700;
    private static final int MARGIN = 40;
    private static final int LEGEND_WIDTH = 260;
    /** Distinct on white and for the common colour-vision deficiencies (Okabe–Ito, then darker extras). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x7F3C8D), new Color(0x3B6E1E),
            new Color(0xA6761D), new Color(0x1B1B7A)};

    public byte[] render(DeliveryPlan plan, Depot depot) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Projection p = projection(plan, depot);
            drawGrid(g, p);
            List<DeliveryPlan.Route> routes = plan.routes() == null ? List.of() : plan.routes();
            for (int i = 0; i < routes.size(); i++) {
                drawRoute(g, p, routes.get(i), PALETTE[i % PALETTE.length]);
            }
            if (plan.unassigned() != null) {
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(2.5f));
                for (DeliveryPlan.Unassigned u : plan.unassigned()) {
                    if (u.latitude() != null && u.longitude() != null) {
                        int x = p.x(u.longitude());
                        int y = p.y(u.latitude());
                        g.drawLine(x - 6, y - 6, x + 6, y + 6);
                        g.drawLine(x - 6, y + 6, x + 6, y - 6);
                    }
                }
            }
            if (depot != null && depot.latitude() != null) {
                int x = p.x(depot.longitude().doubleValue());
                int y = p.y(depot.latitude().doubleValue());
                g.setColor(Color.BLACK);
                g.fillRect(x - 9, y - 9, 18, 18);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString("Depot", x + 12, y + 5);
            }
            drawLegend(g, plan, routes);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void drawRoute(Graphics2D g, Projection p, DeliveryPlan.Route route, Color colour) {
        Path2D path = new Path2D.Double();
        path.moveTo(p.depotX, p.depotY);
        for (DeliveryPlan.Stop stop : route.stops()) {
            path.lineTo(p.x(stop.longitude()), p.y(stop.latitude()));
        }
        path.lineTo(p.depotX, p.depotY);
        g.setColor(colour);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (DeliveryPlan.Stop stop : route.stops()) {
            int x = p.x(stop.longitude());
            int y = p.y(stop.latitude());
            g.setColor(colour);
            g.fillOval(x - 10, y - 10, 20, 20);
            g.setColor(Color.WHITE);
            String label = Integer.toString(stop.stopNo());
            g.drawString(label, x - metrics.stringWidth(label) / 2, y + metrics.getAscent() / 2 - 1);
        }
    }

    private static void drawGrid(Graphics2D g, Projection p) {
        g.setColor(new Color(0xEEEEEE));
        g.setStroke(new BasicStroke(1f));
        for (int x = MARGIN; x <= WIDTH - LEGEND_WIDTH; x += 50) {
            g.drawLine(x, MARGIN, x, HEIGHT - MARGIN);
        }
        for (int y = MARGIN; y <= HEIGHT - MARGIN; y += 50) {
            g.drawLine(MARGIN, y, WIDTH - LEGEND_WIDTH, y);
        }
        // a scale bar, so distances on the picture can be judged
        double km = niceKm(p.kmPerPixel * 150);
        int pixels = (int) Math.round(km / p.kmPerPixel);
        int y = HEIGHT - MARGIN / 2;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(MARGIN, y, MARGIN + pixels, y);
        g.drawLine(MARGIN, y - 4, MARGIN, y + 4);
        g.drawLine(MARGIN + pixels, y - 4, MARGIN + pixels, y + 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, km < 1 ? "%.1f km" : "%.0f km", km), MARGIN + pixels + 6, y + 4);
    }

    private static void drawLegend(Graphics2D g, DeliveryPlan plan, List<DeliveryPlan.Route> routes) {
        int x = WIDTH - LEGEND_WIDTH + 20;
        int y = MARGIN;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Deliveries " + plan.deliveryDate(), x, y);
        y += 26;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < routes.size(); i++) {
            DeliveryPlan.Route r = routes.get(i);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x, y - 10, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(r.vehicleId(), x + 22, y + 2);
            y += 16;
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%d stops, %.1f km, %.0f/%.0f kg", r.stops().size(), r.distanceKm(),
                    r.loadKg(), r.capacityKg()), x + 22, y + 2);
            y += 16;
            g.drawString(r.departure() + " – " + r.returnTime(), x + 22, y + 2);
            y += 24;
            if (y > HEIGHT - 80) {
                g.drawString("…", x, y);
                break;
            }
        }
        int unassigned = plan.unassigned() == null ? 0 : plan.unassigned().size();
        if (unassigned > 0) {
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(x + 1, y - 9, x + 13, y + 3);
            g.drawLine(x + 1, y + 3, x + 13, y - 9);
            g.setColor(Color.BLACK);
            g.drawString(unassigned + " unassigned", x + 22, y + 2);
        }
    }

    private record Projection(double minLon, double maxLat, double scaleX, double scaleY, double kmPerPixel,
            int offsetX, int offsetY, int depotX, int depotY) {

        int x(double lon) {
            return offsetX + (int) Math.round((lon - minLon) * scaleX);
        }

        int y(double lat) {
            return offsetY + (int) Math.round((maxLat - lat) * scaleY);
        }
    }

    /** Fits every point (depot, stops, unassigned) into the map area, same scale in both directions. */
    private static Projection projection(DeliveryPlan plan, Depot depot) {
        List<double[]> points = new ArrayList<>();
        if (depot != null && depot.latitude() != null) {
            points.add(new double[] {depot.latitude().doubleValue(), depot.longitude().doubleValue()});
        }
        if (plan.routes() != null) {
            plan.routes().forEach(r -> r.stops().forEach(s -> points.add(new double[] {s.latitude(), s.longitude()})));
        }
        if (plan.unassigned() != null) {
            plan.unassigned().stream().filter(u -> u.latitude() != null)
                    .forEach(u -> points.add(new double[] {u.latitude(), u.longitude()}));
        }
        if (points.isEmpty()) {
            points.add(new double[] {0, 0});
        }
        double minLat = points.stream().mapToDouble(pt -> pt[0]).min().orElse(0);
        double maxLat = points.stream().mapToDouble(pt -> pt[0]).max().orElse(0);
        double minLon = points.stream().mapToDouble(pt -> pt[1]).min().orElse(0);
        double maxLon = points.stream().mapToDouble(pt -> pt[1]).max().orElse(0);
        double cosLat = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double widthKm = Math.max(0.5, (maxLon - minLon) * 111.32 * cosLat);
        double heightKm = Math.max(0.5, (maxLat - minLat) * 110.57);
        int areaW = WIDTH - LEGEND_WIDTH - 2 * MARGIN;
        int areaH = HEIGHT - 3 * MARGIN;
        double kmPerPixel = Math.max(widthKm / areaW, heightKm / areaH);
        double scaleX = 111.32 * cosLat / kmPerPixel;
        double scaleY = 110.57 / kmPerPixel;
        int offsetX = MARGIN + (int) ((areaW - (maxLon - minLon) * scaleX) / 2);
        int offsetY = MARGIN + (int) ((areaH - (maxLat - minLat) * scaleY) / 2);
        Projection p = new Projection(minLon, maxLat, scaleX, scaleY, kmPerPixel, offsetX, offsetY, 0, 0);
        if (depot != null && depot.latitude() != null) {
            p = new Projection(minLon, maxLat, scaleX, scaleY, kmPerPixel, offsetX, offsetY,
                    p.x(depot.longitude().doubleValue()), p.y(depot.latitude().doubleValue()));
        }
        return p;
    }

    private static double niceKm(double km) {
        double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500};
        double best = steps[0];
        for (double step : steps) {
            if (step <= km) {
                best = step;
            }
        }
        return best;
    }
}
