package org.kontor.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.platform.KontorIntegrationTest;
import org.kontor.platform.RestClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Master-data uploads through the REST API: good rows go in, bad rows are named, junk is refused. */
@KontorIntegrationTest
class MasterDataImportTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MasterDataService masterData;

    RestClientSupport rest;

    @BeforeEach
    void client() {
        rest = new RestClientSupport(port);
    }

    @Test
    void productsCsvWithBrokenRowsImportsTheGoodOnesAndNamesTheBadOnes() throws Exception {
        String csv = """
                SKU;Name;Unit Price;Weight KG;Reorder Point;Reorder Quantity
                MD-0001;Desk lamp;12,50;1,2;5;20
                MD-0002;;3.00;0.5;1;2
                MD-0003;Chair;abc;7;1;2
                MD-0004;Table;99.90;-3;1;2
                MD-0005;Shelf;45;12;2.5;4
                MD-0006;Lamp shade;4.20;0.3;0;10
                """;
        JsonNode report = upload("products", "products.csv", csv.getBytes(StandardCharsets.UTF_8), 200);

        assertThat(report.get("rowsRead").asInt()).isEqualTo(6);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(4);
        assertThat(report.get("errors").toString())
                .contains("{\"row\":3,\"column\":\"name\",\"reason\":\"is empty\"}")
                .contains("{\"row\":4,\"column\":\"unit_price\",\"reason\":\"'abc' is not a number\"}")
                .contains("\"row\":5,\"column\":\"weight_kg\"")
                .contains("\"row\":6,\"column\":\"reorder_point\",\"reason\":\"2.5 is not a whole number\"");
        assertThat(masterData.product("MD-0001")).hasValueSatisfying(p -> {
            assertThat(p.unitPrice()).isEqualByComparingTo("12.50");
            assertThat(p.weightKg()).isEqualByComparingTo("1.2");
        });
        assertThat(masterData.product("MD-0003")).isEmpty();
    }

    @Test
    void uploadingAgainUpdatesInsteadOfDuplicating() throws Exception {
        String first = "sku,name,unit_price,weight_kg,reorder_point,reorder_quantity\nMD-0100,Pencil,0.50,0.01,10,100\n";
        String second = "reorder_quantity,reorder_point,weight_kg,unit_price,name,sku\n200,20,0.01,0.55,Pencil HB,MD-0100\n";
        assertThat(upload("products", "a.csv", first.getBytes(StandardCharsets.UTF_8), 200).get("created").asInt()).isOne();
        JsonNode again = upload("products", "b.csv", second.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isOne();
        assertThat(masterData.product("MD-0100")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Pencil HB");
            assertThat(p.reorderQuantity()).isEqualTo(200);
        });
    }

    @Test
    void productsFromXlsx() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Products");
            Object[][] rows = {
                    {"Sku", "Name", "Unit_Price", "Weight_kg", "Reorder_point", "Reorder_quantity"},
                    {"MD-0200", "Folder red", 1.25, 0.1, 10, 50},
                    {"MD-0201", "Folder blue", "n/a", 0.1, 10, 50},
                    {"MD-0202", "Folder green", 1.3, 0.1, 10, 50}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        // named .csv on purpose: the content decides
        JsonNode report = upload("products", "products.csv", xlsx, 200);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(masterData.product("MD-0202")).hasValueSatisfying(p -> assertThat(p.reorderPoint()).isEqualTo(10));
    }

    @Test
    void customersAndVehicles() throws Exception {
        String customers = """
                customer_number,name,street,city,latitude,longitude,delivery_window_start,delivery_window_end,aliases
                MD-C1,Müller Bürobedarf,Hauptstraße 1,Hamburg,53.55,10.0,08:00,12:00,Müller|MBB
                MD-C2,Bad Latitude,Weg 2,Hamburg,95,10.0,,,
                MD-C3,Half Window,Weg 3,Hamburg,53.5,10.1,08:00,,
                """;
        // Windows-1252, as spreadsheet programs export CSV on many desktops
        JsonNode report = upload("customers", "c.csv", customers.getBytes(Charset.forName("windows-1252")), 200);
        assertThat(report.get("created").asInt()).isOne();
        assertThat(report.get("errors").toString()).contains("\"row\":3,\"column\":\"latitude\"")
                .contains("\"row\":4,\"column\":\"delivery_window_end\"");
        assertThat(masterData.customer("MD-C1")).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("Müller Bürobedarf");
            assertThat(c.aliases()).containsExactlyInAnyOrder("Müller", "MBB");
        });

        String vehicles = "vehicle_id,capacity_kg,shift_start,shift_end\nMD-V1,800,6:00,14:00\nMD-V2,800,14:00,06:00\n";
        JsonNode vehicleReport = upload("vehicles", "v.csv", vehicles.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(vehicleReport.get("created").asInt()).isOne();
        assertThat(vehicleReport.get("errors").get(0).get("reason").asText()).isEqualTo("is not after shift_start");
    }

    @Test
    void randomBytesAreRefusedWith415() throws Exception {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        HttpResponse<String> response = rest.postMultipart("/api/master-data/products", "admin", "products.csv", junk);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("CSV");
    }

    @Test
    void missingColumnsAndDamagedWorkbooksAre422() throws Exception {
        JsonNode missing = upload("products", "p.csv", "sku,name\nX,Y\n".getBytes(StandardCharsets.UTF_8), 422);
        assertThat(missing.get("detail").asText()).contains("unit_price").contains("weight_kg");

        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("x").createRow(0).createCell(0).setCellValue("sku");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);
        HttpResponse<String> response = rest.postMultipart("/api/master-data/products", "admin", "p.xlsx", truncated);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void missingFilePartIs400() {
        HttpResponse<String> response = rest.postMultipart("/api/master-data/products", "admin", "empty.csv", new byte[0]);
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private JsonNode upload(String entity, String fileName, byte[] content, int expectedStatus) throws Exception {
        HttpResponse<String> response = rest.postMultipart("/api/master-data/" + entity, "admin", fileName, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }
}
