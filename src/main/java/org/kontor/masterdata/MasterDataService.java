package org.kontor.masterdata;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read access to master data for the other capabilities; they never query these tables themselves. */
@Service
public class MasterDataService {

    private final ProductRepository products;
    private final CustomerRepository customers;
    private final VehicleRepository vehicles;
    private final DepotRepository depots;

    MasterDataService(ProductRepository products, CustomerRepository customers, VehicleRepository vehicles,
            DepotRepository depots) {
        this.products = products;
        this.customers = customers;
        this.vehicles = vehicles;
        this.depots = depots;
    }

    public Optional<Product> product(String sku) {
        return products.find(sku);
    }

    /** The products among {@code skus} that exist, by SKU; at most a few hundred SKUs per call. */
    public Map<String, Product> products(Collection<String> skus) {
        Map<String, Product> found = new HashMap<>();
        products.findAll(skus).forEach(p -> found.put(p.sku(), p));
        return found;
    }

    public List<Product> products(int limit, int offset) {
        return products.findAll(limit, offset);
    }

    public long productCount() {
        return products.count();
    }

    public Optional<Customer> customer(String customerNumber) {
        return customers.find(customerNumber);
    }

    public List<Customer> customers(int limit, int offset) {
        return customers.findAll(limit, offset);
    }

    /** Every product; master data is small enough (tens of thousands) to match against in memory. */
    public List<Product> allProducts() {
        return products.findAll(Integer.MAX_VALUE, 0);
    }

    public List<Customer> allCustomers() {
        return customers.findAll(Integer.MAX_VALUE, 0);
    }

    public List<Vehicle> vehicles() {
        return vehicles.findAll();
    }

    public List<Depot> depots() {
        return depots.findAll();
    }

    public void saveDepot(Depot depot) {
        depots.save(depot);
    }
}
