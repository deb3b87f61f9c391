package org.kontor.masterdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo master data ({@code src/main/resources/demo/*.csv}) in memory, behind the real
 * {@link MasterDataService}: its repositories are overridden to read lists instead of tables, so code that
 * validates orders (OrderValidator, SkuMatcher, CustomerMatcher) runs unchanged without a database or Spring.
 * For benchmarks and tests that read generated purchase orders only.
 */
public final class DemoMasterData {

    private final List<Product> products;
    private final List<Customer> customers;

    private DemoMasterData(List<Product> products, List<Customer> customers) {
        this.products = List.copyOf(products);
        this.customers = List.copyOf(customers);
    }

    public static DemoMasterData load() {
        List<Product> products = new ArrayList<>();
        for (CSVRecord r : csv("/demo/products.csv")) {
            products.add(new Product(r.get("sku"), r.get("name"), new BigDecimal(r.get("unit_price")),
                    new BigDecimal(r.get("weight_kg")), Integer.parseInt(r.get("reorder_point")),
                    Integer.parseInt(r.get("reorder_quantity")), r.get("abc_class")));
        }
        List<Customer> customers = new ArrayList<>();
        for (CSVRecord r : csv("/demo/customers.csv")) {
            List<String> aliases = r.get("aliases").isBlank() ? List.of()
                    : Arrays.stream(r.get("aliases").split(";")).map(String::strip).toList();
            customers.add(new Customer(r.get("customer_number"), r.get("name"), r.get("street"), r.get("city"),
                    new BigDecimal(r.get("latitude")), new BigDecimal(r.get("longitude")), time(r.get("delivery_window_start")),
                    time(r.get("delivery_window_end")), aliases));
        }
        return new DemoMasterData(products, customers);
    }

    public List<Product> products() {
        return products;
    }

    public List<Customer> customers() {
        return customers;
    }

    /** The real service over these lists. */
    public MasterDataService service() {
        ProductRepository productRepository = new ProductRepository(null, null) {
            @Override
            Optional<Product> find(String sku) {
                return products.stream().filter(p -> p.sku().equals(sku)).findFirst();
            }

            @Override
            List<Product> findAll(int limit, int offset) {
                return products.stream().skip(offset).limit(limit).toList();
            }

            @Override
            long count() {
                return products.size();
            }
        };
        CustomerRepository customerRepository = new CustomerRepository(null, null) {
            @Override
            Optional<Customer> find(String number) {
                return customers.stream().filter(c -> c.customerNumber().equals(number)).findFirst();
            }

            @Override
            List<Customer> findAll(int limit, int offset) {
                return customers.stream().skip(offset).limit(limit).toList();
            }

            @Override
            long count() {
                return customers.size();
            }
        };
        return new MasterDataService(productRepository, customerRepository, null, null);
    }

    private static LocalTime time(String s) {
        return s == null || s.isBlank() ? null : LocalTime.parse(s);
    }

    private static List<CSVRecord> csv(String resource) {
        try (InputStream in = DemoMasterData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
