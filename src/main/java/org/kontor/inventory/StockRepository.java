package org.kontor.inventory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StockRepository {

    record Level(int onHand, int reserved) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StockRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Level> find(String sku) {
        return jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = :sku").param("sku", sku)
                .query(Level.class).optional();
    }

    /**
     * Adds {@code delta} to on-hand stock in one guarded UPDATE (so concurrent changes never get lost)
     * and records the movement. Returns false, changing nothing, if the result would drop below what is
     * reserved or below zero.
     */
    boolean move(String sku, int delta, MovementType type, String reason, String reference, String actor) {
        ensureRow(sku);
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("UPDATE stock_level SET on_hand = on_hand + :delta, updated_at = :now "
                        + "WHERE sku = :sku AND on_hand + :delta >= reserved AND on_hand + :delta >= 0")
                .param("delta", delta).param("now", now).param("sku", sku).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO stock_movement (sku, quantity, movement_type, reason, reference, actor, occurred_at) "
                        + "VALUES (:sku, :quantity, :type, :reason, :reference, :actor, :now)")
                .param("sku", sku).param("quantity", delta).param("type", type.name()).param("reason", reason)
                .param("reference", reference).param("actor", actor).param("now", now).update();
        return true;
    }

    /**
     * Reserves as much of {@code quantity} as is available, under a row lock so that concurrent orders for
     * the same SKU queue up instead of over-reserving. Must run inside a transaction.
     */
    int reserveUpTo(String sku, int quantity) {
        ensureRow(sku);
        Level level = jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = :sku FOR UPDATE")
                .param("sku", sku).query(Level.class).single();
        int take = Math.max(0, Math.min(quantity, level.onHand() - level.reserved()));
        if (take > 0) {
            jdbc.sql("UPDATE stock_level SET reserved = reserved + :take, updated_at = :now WHERE sku = :sku")
                    .param("take", take).param("now", LocalDateTime.now(clock)).param("sku", sku).update();
        }
        return take;
    }

    /** Gives back a reservation (order cancelled, delivery failed for good). */
    void release(String sku, int quantity) {
        jdbc.sql("UPDATE stock_level SET reserved = reserved - :q, updated_at = :now WHERE sku = :sku AND reserved >= :q")
                .param("q", quantity).param("now", LocalDateTime.now(clock)).param("sku", sku).update();
    }

    List<StockMovement> movements(String sku, int limit) {
        return jdbc.sql("SELECT id, sku, quantity, movement_type, reason, reference, actor, occurred_at FROM stock_movement "
                        + "WHERE sku = :sku ORDER BY id DESC LIMIT :limit")
                .param("sku", sku).param("limit", limit).query(StockMovement.class).list();
    }

    boolean hasMovements(String sku) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE sku = :sku").param("sku", sku)
                .query(Long.class).single() > 0;
    }

    private void ensureRow(String sku) {
        if (find(sku).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO stock_level (sku, on_hand, reserved, updated_at) VALUES (:sku, 0, 0, :now)")
                    .param("sku", sku).param("now", LocalDateTime.now(clock)).update();
        } catch (DuplicateKeyException raced) {
            // created concurrently; the guarded UPDATE does the rest
        }
    }
}
