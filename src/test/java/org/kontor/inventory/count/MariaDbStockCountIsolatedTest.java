package org.kontor.inventory.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kontor.inventory.InventoryService;
import org.kontor.platform.mariadb.MariaDb;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Count postings on MariaDB while receipts and adjustments hit the same SKU from other threads: nothing is
 * lost or invented (on hand = sum of its movements), nothing goes negative, and every posted count line is
 * exactly one movement.
 */
@ExtendWith(MariaDb.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "kontor.data-dir=target/test-data/mariadb-counts",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles({"mysql", "demo"})
@DirtiesContext
class MariaDbStockCountIsolatedTest {

    private static final String SKU = "OF-1020";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("KONTOR_DB_NAME", MariaDb::database);
        registry.add("KONTOR_DB_USER", () -> "root");
        registry.add("KONTOR_DB_PASSWORD", () -> "");
    }

    @Autowired
    StockCountService counts;

    @Autowired
    InventoryService inventory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void countPostingsConcurrentWithReceiptsAndAdjustmentsLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new ArrayList<>();
        List<String> countIds = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> inventory.receive(SKU, 2, "concurrent", "test")));
                futures.add(pool.submit(() -> inventory.adjust(SKU, -1, "damaged", "concurrent", "test")));
                if (i % 5 == 0) {
                    futures.add(pool.submit((Callable<Void>) () -> {
                        countIds.add(countAndPost(inventory.level(SKU).onHand() + 3));
                        return null;
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        int onHand = inventory.level(SKU).onHand();
        long movements = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock_movement WHERE sku = :sku")
                .param("sku", SKU).query(Long.class).single();
        assertThat(onHand).isEqualTo(movements).isNotNegative();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = :sku AND movement_type = 'RECEIPT' "
                + "AND reference = 'concurrent'").param("sku", SKU).query(Long.class).single()).isEqualTo(40);
        assertThat(countIds).hasSize(8);
        for (String countId : countIds) {
            CountLine line = counts.lines(countId, EnumSet.noneOf(LineStatus.class), 0, 10).get(0);
            assertThat(line.status()).isEqualTo(LineStatus.POSTED);
            long posted = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock_movement WHERE reference = :ref")
                    .param("ref", "count:" + countId).query(Long.class).single();
            assertThat(posted).as("count %s", countId).isEqualTo(line.postedQuantity().longValue());
        }
    }

    /** Counts the SKU, approves whatever needs approval and posts; returns the count id. */
    private String countAndPost(int counted) throws Exception {
        Path file = Files.createTempFile("count-", ".csv");
        try {
            Files.writeString(file, "sku,counted_quantity\n" + SKU + "," + counted + "\n", StandardCharsets.UTF_8);
            String countId = counts.receiveSheet(file, "count.csv", LocalDateTime.now(clock), "clerk").countId();
            counts.parse(countId);
            counts.evaluate(countId);
            counts.recordApproval(countId, "", "", "supervisor");
            // a DMN recount (class A) is answered with the same count: the supervisor then approves it
            if (counts.summary(countId).toCount() > 0) {
                counts.recordCounts(countId, SKU + " = " + counted, LocalDateTime.now(clock), "clerk");
                counts.evaluate(countId);
                counts.recordApproval(countId, "", "", "supervisor");
            }
            counts.postAccepted(countId);
            return countId;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
