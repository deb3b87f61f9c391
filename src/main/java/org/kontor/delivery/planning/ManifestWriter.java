package org.kontor.delivery.planning;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kontor.order.Order;
import org.kontor.order.OrderLine;
import org.kontor.order.OrderService;
import org.kontor.platform.config.KontorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The driver's manifest of one vehicle on an approved plan (xlsx): the tour (stops in order with ETA, window,
 * customer, address, PO and weight) and what to unload at each stop. Stored under
 * {@code data-dir/manifests/<planId>/<vehicle>.xlsx}; {@code GET /api/deliveries/plans/{id}/manifests/{vehicleId}}
 * serves it. Writing again replaces the file, so the step is safe to run twice.
 */
@Component
public class ManifestWriter {

    private static final Logger log = LoggerFactory.getLogger(ManifestWriter.class);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    private final OrderService orders;
    private final Path manifests;

    ManifestWriter(OrderService orders, KontorProperties properties) {
        this.orders = orders;
        this.manifests = properties.dataDir().resolve("manifests");
    }

    /** The manifest of a vehicle of a plan, if it was written. */
    public Optional<Path> manifest(String planId, String vehicleId) {
        Path file = file(planId, vehicleId);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public List<Path> write(DeliveryPlan plan) {
        List<Path> written = new ArrayList<>();
        for (DeliveryPlan.Route route : plan.routes()) {
            written.add(write(plan, route));
        }
        log.info("Delivery plan {}: {} manifests written", plan.planId(), written.size());
        return written;
    }

    private Path write(DeliveryPlan plan, DeliveryPlan.Route route) {
        Path target = file(plan.planId(), route.vehicleId());
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "manifest", ".tmp");
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                tour(workbook.createSheet("Tour"), plan, route, bold);
                items(workbook.createSheet("Items"), route, bold);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    workbook.write(out);
                }
            }
            // a download never sees half a file
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the manifest of " + route.vehicleId() + " for plan "
                    + plan.planId(), e);
        }
    }

    private static void tour(Sheet sheet, DeliveryPlan plan, DeliveryPlan.Route route, CellStyle bold) {
        int r = 0;
        r = pair(sheet, r, "Vehicle", route.vehicleId(), bold);
        r = pair(sheet, r, "Delivery date", plan.deliveryDate().toString(), bold);
        r = pair(sheet, r, "Plan", plan.planId(), bold);
        r = pair(sheet, r, "Leaves depot", route.departure().toString(), bold);
        r = pair(sheet, r, "Back at depot", route.returnTime().toString(), bold);
        r = pair(sheet, r, "Distance (km)", route.distanceKm(), bold);
        r = pair(sheet, r, "Load (kg)", route.loadKg() + " of " + route.capacityKg(), bold);
        r++;
        String[] headers = {"Stop", "ETA", "Window", "Order", "PO number", "Customer no.", "Customer", "Address",
            "Weight (kg)", "Signature"};
        header(sheet.createRow(r++), headers, bold);
        for (DeliveryPlan.Stop stop : route.stops()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(stop.stopNo());
            row.createCell(1).setCellValue(stop.eta().toString());
            row.createCell(2).setCellValue(stop.windowStart() == null ? "any time" : stop.windowStart() + "–" + stop.windowEnd());
            row.createCell(3).setCellValue(stop.orderId());
            row.createCell(4).setCellValue(stop.poNumber() == null ? "" : stop.poNumber());
            row.createCell(5).setCellValue(stop.customerNumber());
            row.createCell(6).setCellValue(stop.customerName());
            row.createCell(7).setCellValue(stop.address());
            row.createCell(8).setCellValue(stop.demandKg());
        }
        for (int c = 0; c < headers.length; c++) {
            sheet.setColumnWidth(c, c == 7 || c == 6 ? 40 * 256 : (c == 3 ? 38 * 256 : 14 * 256));
        }
    }

    private void items(Sheet sheet, DeliveryPlan.Route route, CellStyle bold) {
        int r = 0;
        header(sheet.createRow(r++), new String[] {"Stop", "Order", "SKU", "Description", "Quantity"}, bold);
        for (DeliveryPlan.Stop stop : route.stops()) {
            Order order = orders.get(stop.orderId());
            for (OrderLine line : order.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(stop.stopNo());
                row.createCell(1).setCellValue(stop.orderId());
                row.createCell(2).setCellValue(line.sku());
                row.createCell(3).setCellValue(line.description() == null ? "" : line.description());
                row.createCell(4).setCellValue(line.quantity() == null ? 0 : line.quantity());
            }
        }
        sheet.setColumnWidth(1, 38 * 256);
        sheet.setColumnWidth(3, 40 * 256);
    }

    private static int pair(Sheet sheet, int r, String label, Object value, CellStyle bold) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        if (value instanceof Number n) {
            row.createCell(1).setCellValue(n.doubleValue());
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return r + 1;
    }

    private static void header(Row row, String[] headers, CellStyle bold) {
        for (int c = 0; c < headers.length; c++) {
            row.createCell(c).setCellValue(headers[c]);
            row.getCell(c).setCellStyle(bold);
        }
    }

    private Path file(String planId, String vehicleId) {
        return manifests.resolve(UNSAFE.matcher(planId).replaceAll("_"))
                .resolve(UNSAFE.matcher(vehicleId).replaceAll("_") + ".xlsx");
    }
}
