package org.kontor.masterdata;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kontor.document.content.ContentSniffer;
import org.kontor.document.content.ContentType;
import org.kontor.document.spreadsheet.Columns;
import org.kontor.document.spreadsheet.MissingColumnsException;
import org.kontor.document.spreadsheet.RowError;
import org.kontor.document.spreadsheet.RowValues;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;
import org.kontor.document.spreadsheet.TableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upserts products, customers and vehicles from CSV or XLSX. Each row is validated on its own: a bad row
 * is reported (row, column, reason) and never stops the good ones.
 */
@Service
public class MasterDataImportService {

    private static final Logger log = LoggerFactory.getLogger(MasterDataImportService.class);
    private static final Set<ContentType> TABLES = Set.of(ContentType.CSV, ContentType.XLSX, ContentType.XLS);
    private static final int BATCH = 500;
    private static final int MAX_REPORTED_ERRORS = 1_000;
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");

    private final ContentSniffer sniffer;
    private final TableReader tables;
    private final ProductRepository products;
    private final CustomerRepository customers;
    private final VehicleRepository vehicles;
    private final TransactionTemplate tx;

    MasterDataImportService(ContentSniffer sniffer, TableReader tables, ProductRepository products,
            CustomerRepository customers, VehicleRepository vehicles, TransactionTemplate tx) {
        this.sniffer = sniffer;
        this.tables = tables;
        this.products = products;
        this.customers = customers;
        this.vehicles = vehicles;
        this.tx = tx;
    }

    public ImportReport importProducts(Path file) {
        return run("products", file,
                List.of("sku", "name", "unit_price", "weight_kg", "reorder_point", "reorder_quantity"),
                List.of("abc_class"),
                row -> {
                    String sku = row.text("sku", true, 64);
                    String name = row.text("name", true, 200);
                    BigDecimal price = row.decimal("unit_price", true, BigDecimal.ZERO, MAX_MONEY);
                    BigDecimal weight = row.decimal("weight_kg", true, BigDecimal.ZERO, new BigDecimal("100000"));
                    Integer reorderPoint = row.wholeNumber("reorder_point", true, 0, 100_000_000);
                    Integer reorderQuantity = row.wholeNumber("reorder_quantity", true, 0, 100_000_000);
                    String abc = row.text("abc_class", false, 1);
                    if (abc != null && !Set.of("A", "B", "C").contains(abc.toUpperCase(Locale.ROOT))) {
                        row.error("abc_class", "'" + abc + "' is not A, B or C");
                    }
                    return row.valid() ? new Product(sku.toUpperCase(Locale.ROOT), name, price, weight, reorderPoint,
                            reorderQuantity, abc == null ? null : abc.toUpperCase(Locale.ROOT)) : null;
                },
                products::upsert);
    }

    public ImportReport importCustomers(Path file) {
        return run("customers", file,
                List.of("customer_number", "name", "street", "city", "latitude", "longitude"),
                List.of("delivery_window_start", "delivery_window_end", "aliases"),
                row -> {
                    String number = row.text("customer_number", true, 64);
                    String name = row.text("name", true, 200);
                    String street = row.text("street", true, 200);
                    String city = row.text("city", true, 100);
                    BigDecimal lat = row.decimal("latitude", true, new BigDecimal("-90"), new BigDecimal("90"));
                    BigDecimal lon = row.decimal("longitude", true, new BigDecimal("-180"), new BigDecimal("180"));
                    var windowStart = row.time("delivery_window_start", false);
                    var windowEnd = row.time("delivery_window_end", false);
                    if ((windowStart == null) != (windowEnd == null) && row.valid()) {
                        row.error(windowStart == null ? "delivery_window_start" : "delivery_window_end",
                                "is empty, but a delivery window needs both start and end");
                    } else if (windowStart != null && !windowStart.isBefore(windowEnd)) {
                        row.error("delivery_window_end", "is not after delivery_window_start");
                    }
                    String aliasText = row.text("aliases", false, 2000);
                    List<String> aliases = aliasText == null ? List.of() : Arrays.stream(aliasText.split("[|;]"))
                            .map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
                    if (aliases.stream().anyMatch(a -> a.length() > 200)) {
                        row.error("aliases", "an alias is longer than 200 characters");
                    }
                    return row.valid() ? new Customer(number, name, street, city, lat, lon, windowStart, windowEnd, aliases)
                            : null;
                },
                customers::upsert);
    }

    public ImportReport importVehicles(Path file) {
        return run("vehicles", file,
                List.of("vehicle_id", "capacity_kg", "shift_start", "shift_end"),
                List.of("depot_code"),
                row -> {
                    String id = row.text("vehicle_id", true, 64);
                    BigDecimal capacity = row.decimal("capacity_kg", true, BigDecimal.ONE, new BigDecimal("100000"));
                    var start = row.time("shift_start", true);
                    var end = row.time("shift_end", true);
                    if (start != null && end != null && !start.isBefore(end)) {
                        row.error("shift_end", "is not after shift_start");
                    }
                    String depot = row.text("depot_code", false, 32);
                    return row.valid() ? new Vehicle(id, capacity, start, end, depot) : null;
                },
                vehicles::upsert);
    }

    private <T> ImportReport run(String entity, Path file, List<String> required, List<String> optional,
            Function<RowValues, T> mapper, Function<T, Upsert> writer) {
        ContentType type = sniffer.require(file, TABLES, "a " + entity + " file (CSV or XLSX)");
        Counts counts = new Counts();
        try (TableCursor cursor = tables.open(file, type)) {
            Map<String, Integer> columns = resolveColumns(cursor.header(), required, optional);
            List<Pending<T>> batch = new ArrayList<>(BATCH);
            while (cursor.hasNext()) {
                TableRow row = cursor.next();
                counts.read++;
                RowValues values = new RowValues(row, columns);
                T record = mapper.apply(values);
                if (record == null) {
                    counts.reject(values.errors());
                    continue;
                }
                batch.add(new Pending<>(row.rowNumber(), record));
                if (batch.size() == BATCH) {
                    write(batch, writer, counts);
                }
            }
            write(batch, writer, counts);
        }
        log.info("Imported {}: {} rows read, {} created, {} updated, {} rejected", entity, counts.read,
                counts.created, counts.updated, counts.rejected);
        return new ImportReport(entity, counts.read, counts.created, counts.updated, counts.rejected,
                List.copyOf(counts.errors), counts.truncated);
    }

    private static Map<String, Integer> resolveColumns(List<String> header, List<String> required, List<String> optional) {
        Columns columns = Columns.of(header);
        Map<String, Integer> indexes = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            columns.find(name).ifPresentOrElse(i -> indexes.put(name, i), () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            List<String> expected = new ArrayList<>(required);
            optional.forEach(o -> expected.add("[" + o + "]"));
            throw new MissingColumnsException(missing, expected);
        }
        for (String name : optional) {
            columns.find(name).ifPresent(i -> indexes.put(name, i));
        }
        return indexes;
    }

    /** Writes a batch in one transaction; if the database refuses any row, redoes it row by row to find which. */
    private <T> void write(List<Pending<T>> batch, Function<T, Upsert> writer, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Upsert> results = tx.execute(status -> batch.stream().map(p -> writer.apply(p.record())).toList());
            results.forEach(counts::count);
        } catch (DataAccessException batchFailed) {
            for (Pending<T> pending : batch) {
                try {
                    counts.count(tx.execute(status -> writer.apply(pending.record())));
                } catch (DataAccessException rowFailed) {
                    counts.reject(List.of(new RowError(pending.rowNumber(), null,
                            "could not be saved: " + rowFailed.getMostSpecificCause().getMessage())));
                }
            }
        }
        batch.clear();
    }

    private record Pending<T>(long rowNumber, T record) {
    }

    private static final class Counts {
        long read;
        long created;
        long updated;
        long rejected;
        boolean truncated;
        final List<RowError> errors = new ArrayList<>();

        void count(Upsert upsert) {
            if (upsert == Upsert.CREATED) {
                created++;
            } else {
                updated++;
            }
        }

        void reject(List<RowError> rowErrors) {
            rejected++;
            for (RowError error : rowErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(error);
                } else {
                    truncated = true;
                }
            }
        }
    }
}
