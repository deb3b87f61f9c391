package org.kontor.inventory.count;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kontor.inventory.InventoryService;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment suggestions: after a count is posted, every SKU of it whose available stock (on hand minus
 * reserved) is below its reorder point gets one open suggestion (an existing open one is brought up to
 * date), a low-stock alert in the log and a count on the {@code kontor.inventory.low.stock} metric.
 * Suggested quantity: the reorder quantity, or more if that would not even reach the reorder point.
 */
@Service
public class ReplenishmentService {

    private static final Logger log = LoggerFactory.getLogger(ReplenishmentService.class);
    private static final String COLUMNS = "id, sku, available, reorder_point, suggested_quantity, status, count_id, "
            + "decided_by, created_at, updated_at";

    private final JdbcClient jdbc;
    private final StockCountService counts;
    private final MasterDataService masterData;
    private final InventoryService inventory;
    private final Counter lowStock;
    private final Clock clock;

    ReplenishmentService(JdbcClient jdbc, StockCountService counts, MasterDataService masterData,
            InventoryService inventory, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.masterData = masterData;
        this.inventory = inventory;
        this.lowStock = Counter.builder("kontor.inventory.low.stock")
                .description("SKUs found below their reorder point (low-stock alerts)").register(meters);
        this.clock = clock;
    }

    /** Suggestions for the SKUs of a count; returns those raised or refreshed. */
    @Transactional
    public List<ReplenishmentSuggestion> raiseFor(String countId) {
        List<ReplenishmentSuggestion> raised = new ArrayList<>();
        int last = counts.lastLineNo(countId);
        for (int after = 0; after < last; after += StockCountService.BATCH) {
            List<CountLine> page = counts.lines(countId, EnumSet.noneOf(LineStatus.class), after, StockCountService.BATCH);
            List<String> skus = page.stream().map(CountLine::sku).toList();
            Map<String, Product> products = masterData.products(skus);
            Map<String, InventoryService.OnHand> stock = inventory.onHand(skus);
            for (String sku : skus) {
                Product product = products.get(sku);
                int available = stock.get(sku).available();
                if (product != null && available < product.reorderPoint()) {
                    raised.add(raise(product, available, countId));
                }
            }
        }
        return raised;
    }

    private ReplenishmentSuggestion raise(Product product, int available, String countId) {
        int quantity = Math.max(product.reorderQuantity(), product.reorderPoint() - available);
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<ReplenishmentSuggestion> open = jdbc.sql("SELECT " + COLUMNS + " FROM replenishment_suggestion "
                        + "WHERE sku = :sku AND status = 'OPEN' ORDER BY id LIMIT 1")
                .param("sku", product.sku()).query(ReplenishmentSuggestion.class).optional();
        if (open.isPresent()) {
            jdbc.sql("UPDATE replenishment_suggestion SET available = :available, reorder_point = :point, "
                            + "suggested_quantity = :quantity, count_id = :countId, updated_at = :now WHERE id = :id")
                    .param("available", available).param("point", product.reorderPoint()).param("quantity", quantity)
                    .param("countId", countId).param("now", now).param("id", open.get().id()).update();
        } else {
            jdbc.sql("INSERT INTO replenishment_suggestion (sku, available, reorder_point, suggested_quantity, status, "
                            + "count_id, created_at, updated_at) VALUES (:sku, :available, :point, :quantity, 'OPEN', "
                            + ":countId, :now, :now)")
                    .param("sku", product.sku()).param("available", available).param("point", product.reorderPoint())
                    .param("quantity", quantity).param("countId", countId).param("now", now).update();
        }
        lowStock.increment();
        log.warn("Low stock: {} has {} available, reorder point {}; suggest ordering {} (count {})", product.sku(),
                available, product.reorderPoint(), quantity, countId);
        return jdbc.sql("SELECT " + COLUMNS + " FROM replenishment_suggestion WHERE sku = :sku AND status = 'OPEN' "
                + "ORDER BY id LIMIT 1").param("sku", product.sku()).query(ReplenishmentSuggestion.class).single();
    }

    public List<ReplenishmentSuggestion> list(String status, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM replenishment_suggestion WHERE status = :status "
                        + "ORDER BY sku, id LIMIT :limit OFFSET :offset")
                .param("status", status).param("limit", limit).param("offset", offset)
                .query(ReplenishmentSuggestion.class).list();
    }

    public List<ReplenishmentSuggestion> openForCount(String countId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM replenishment_suggestion WHERE count_id = :countId "
                        + "AND status = 'OPEN' ORDER BY sku")
                .param("countId", countId).query(ReplenishmentSuggestion.class).list();
    }

    /** The purchasing task's answer: the count's open suggestions are ordered (or dismissed) by {@code user}. */
    @Transactional
    public int close(String countId, boolean ordered, String user) {
        return jdbc.sql("UPDATE replenishment_suggestion SET status = :status, decided_by = :user, updated_at = :now "
                        + "WHERE count_id = :countId AND status = 'OPEN'")
                .param("status", ordered ? ReplenishmentSuggestion.ORDERED : ReplenishmentSuggestion.DISMISSED)
                .param("user", user).param("now", LocalDateTime.now(clock)).param("countId", countId).update();
    }

    /** Markdown for the purchasing form, kept short (Camunda's 4000-character string limit). */
    public String table(List<ReplenishmentSuggestion> suggestions) {
        StringBuilder table = new StringBuilder("| SKU | available | reorder point | order |\n|---|---:|---:|---:|\n");
        int shown = 0;
        for (ReplenishmentSuggestion s : suggestions) {
            String row = "| " + StockCountService.markdown(s.sku()) + " | " + s.available() + " | " + s.reorderPoint()
                    + " | " + s.suggestedQuantity() + " |\n";
            if (table.length() + row.length() > 3_300) {
                break;
            }
            table.append(row);
            shown++;
        }
        if (shown < suggestions.size()) {
            table.append("\n").append(suggestions.size() - shown)
                    .append(" more: [all open suggestions](/api/inventory/replenishment)\n");
        }
        return table.toString();
    }
}
