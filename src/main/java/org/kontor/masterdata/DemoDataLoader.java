package org.kontor.masterdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import org.kontor.document.content.ContentType;
import org.kontor.document.spreadsheet.Columns;
import org.kontor.document.spreadsheet.TableCursor;
import org.kontor.document.spreadsheet.TableReader;
import org.kontor.document.spreadsheet.TableRow;
import org.kontor.inventory.InventoryService;
import org.kontor.platform.config.KontorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo master data (a depot in Hamburg, products, customers around it, vans, opening stock) on
 * the first start of the demo profile, through the same import service the REST API uses.
 */
@Component
@Profile("demo")
class DemoDataLoader implements SmartInitializingSingleton {

    static final String DEMO_ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final MasterDataImportService imports;
    private final MasterDataService masterData;
    private final InventoryService inventory;
    private final TableReader tables;
    private final Path tmp;

    DemoDataLoader(MasterDataImportService imports, MasterDataService masterData, InventoryService inventory,
            TableReader tables, KontorProperties properties) {
        this.imports = imports;
        this.masterData = masterData;
        this.inventory = inventory;
        this.tables = tables;
        this.tmp = properties.dataDir().resolve("tmp");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (masterData.productCount() > 0) {
            return;
        }
        masterData.saveDepot(new Depot("MAIN", "Kontor depot Hamburg-Billbrook", "Billbrookdeich 210", "Hamburg",
                new BigDecimal("53.551100"), new BigDecimal("9.993700")));
        ImportReport products = withResource("products.csv", imports::importProducts);
        ImportReport customers = withResource("customers.csv", imports::importCustomers);
        ImportReport vehicles = withResource("vehicles.csv", imports::importVehicles);
        int stocked = withResource("stock.csv", this::openingStock);
        log.info("Demo data loaded: {} products, {} customers, {} vehicles, opening stock for {} SKUs",
                products.created(), customers.created(), vehicles.created(), stocked);
    }

    private int openingStock(Path file) {
        int count = 0;
        try (TableCursor cursor = tables.open(file, ContentType.CSV)) {
            Columns columns = Columns.of(cursor.header());
            int sku = columns.find("sku").orElseThrow();
            int quantity = columns.find("quantity").orElseThrow();
            while (cursor.hasNext()) {
                TableRow row = cursor.next();
                if (inventory.openingStock(row.cell(sku), Integer.parseInt(row.cell(quantity)), DEMO_ACTOR)) {
                    count++;
                }
            }
        }
        return count;
    }

    private <T> T withResource(String name, Function<Path, T> work) {
        try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
            Files.createDirectories(tmp);
            Path file = Files.createTempFile(tmp, "demo-", ".csv");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return work.apply(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load demo data " + name, e);
        }
    }
}
