package org.kontor.masterdata;

import java.util.List;
import org.kontor.platform.web.NotFoundException;
import org.kontor.platform.web.UploadedFiles;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/master-data")
class MasterDataController {

    private final MasterDataImportService imports;
    private final MasterDataService masterData;
    private final UploadedFiles uploads;

    MasterDataController(MasterDataImportService imports, MasterDataService masterData, UploadedFiles uploads) {
        this.imports = imports;
        this.masterData = masterData;
        this.uploads = uploads;
    }

    @PostMapping(path = "/products", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importProducts(@RequestPart(name = "file", required = false) MultipartFile file) {
        return uploads.withFile(file, imports::importProducts);
    }

    @PostMapping(path = "/customers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importCustomers(@RequestPart(name = "file", required = false) MultipartFile file) {
        return uploads.withFile(file, imports::importCustomers);
    }

    @PostMapping(path = "/vehicles", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importVehicles(@RequestPart(name = "file", required = false) MultipartFile file) {
        return uploads.withFile(file, imports::importVehicles);
    }

    @GetMapping("/products")
    List<Product> products(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return masterData.products(clamp(limit), Math.max(offset, 0));
    }

    @GetMapping("/products/{sku}")
    Product product(@PathVariable String sku) {
        return masterData.product(sku).orElseThrow(() -> new NotFoundException("No product with SKU " + sku + "."));
    }

    @GetMapping("/customers")
    List<Customer> customers(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        return masterData.customers(clamp(limit), Math.max(offset, 0));
    }

    @GetMapping("/customers/{customerNumber}")
    Customer customer(@PathVariable String customerNumber) {
        return masterData.customer(customerNumber)
                .orElseThrow(() -> new NotFoundException("No customer with number " + customerNumber + "."));
    }

    @GetMapping("/vehicles")
    List<Vehicle> vehicles() {
        return masterData.vehicles();
    }

    @GetMapping("/depots")
    List<Depot> depots() {
        return masterData.depots();
    }

    private static int clamp(int limit) {
        return Math.min(Math.max(limit, 1), 1000);
    }
}
