package org.kontor.inventory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StockRepository {

    record Level(int onHand, int reserved) {
    }

    /** Stock of a SKU now and the sum of physical movements after some point in time. */
    record Book(String sku, int onHand, int reserved, int movedSince) {
    }

    /** One change of on-hand stock for {@link #moveAll}. */
    record Move(String sku, int delta, MovementType type, String reason, String reference, String actor) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    StockRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    Optional<Level> find(String sku) {
        // explicit mapping: the by-name record mapper's probe for "onHand" is an exception in H2's trace file each time
        return jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = :sku").param("sku", sku)
                .query((rs, i) -> new Level(rs.getInt(1), rs.getInt(2))).optional();
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
        return reserveIfStocked(sku, quantity).orElseThrow();
    }

    /**
     * {@link #reserveUpTo} for a SKU that has a stock row (the usual case: every product that was ever stocked);
     * empty, reserving nothing, for one that has none. Locks the row first, so it reads it once.
     */
    OptionalInt reserveIfStocked(String sku, int quantity) {
        Optional<Level> locked = jdbc.sql("SELECT on_hand, reserved FROM stock_level WHERE sku = :sku FOR UPDATE")
                .param("sku", sku).query((rs, i) -> new Level(rs.getInt(1), rs.getInt(2))).optional();
        if (locked.isEmpty()) {
            return OptionalInt.empty();
        }
        Level level = locked.get();
        int take = Math.max(0, Math.min(quantity, level.onHand() - level.reserved()));
        if (take > 0) {
            jdbc.sql("UPDATE stock_level SET reserved = reserved + :take, updated_at = :now WHERE sku = :sku")
                    .param("take", take).param("now", LocalDateTime.now(clock)).param("sku", sku).update();
        }
        return OptionalInt.of(take);
    }

    /** Gives back a reservation (order cancelled, delivery failed for good). */
    void release(String sku, int quantity) {
        jdbc.sql("UPDATE stock_level SET reserved = reserved - :q, updated_at = :now WHERE sku = :sku AND reserved >= :q")
                .param("q", quantity).param("now", LocalDateTime.now(clock)).param("sku", sku).update();
    }

    /**
     * On-hand stock of each SKU and what physically moved after {@code since} (count corrections are books,
     * not movements). One statement, so on-hand and movements are read at the same moment.
     */
    Map<String, Book> book(Collection<String> skus, LocalDateTime since) {
        Map<String, Book> books = new HashMap<>();
        if (skus.isEmpty()) {
            return books;
        }
        jdbc.sql("""
                        SELECT l.sku, l.on_hand, l.reserved,
                               COALESCE((SELECT SUM(m.quantity) FROM stock_movement m
                                          WHERE m.sku = l.sku AND m.occurred_at > :since
                                            AND m.movement_type <> 'COUNT_ADJUSTMENT'), 0) AS moved_since
                          FROM stock_level l WHERE l.sku IN (:skus)""")
                .param("since", since).param("skus", skus)
                .query((rs, i) -> new Book(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .list().forEach(b -> books.put(b.sku(), b));
        return books;
    }

    /**
     * Locks the stock rows of {@code skus} (creating missing ones) until the transaction ends, in SKU order so
     * that two callers locking overlapping sets cannot deadlock. Receipts and adjustments wait meanwhile.
     */
    void lock(Collection<String> skus) {
        if (skus.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(skus));
        Set<String> existing = new HashSet<>(jdbc.sql("SELECT sku FROM stock_level WHERE sku IN (:skus)")
                .param("skus", sorted).query(String.class).list());
        sorted.stream().filter(s -> !existing.contains(s)).forEach(this::ensureRow);
        jdbc.sql("SELECT sku FROM stock_level WHERE sku IN (:skus) ORDER BY sku FOR UPDATE").param("skus", sorted)
                .query(String.class).list();
    }

    /**
     * Many movements in two JDBC batches: the guarded UPDATEs, then the movement rows of those that
     * applied. Returns, per move, whether it applied (false: it would have dropped below reserved or zero).
     */
    boolean[] moveAll(List<Move> moves) {
        boolean[] applied = new boolean[moves.size()];
        if (moves.isEmpty()) {
            return applied;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        JdbcTemplate plain = named.getJdbcTemplate();
        // positional parameters: a count posts up to hundreds of thousands of these
        int[][] changed = plain.batchUpdate("UPDATE stock_level SET on_hand = on_hand + ?, updated_at = ? "
                + "WHERE sku = ? AND on_hand + ? >= reserved AND on_hand + ? >= 0", moves, moves.size(), (ps, m) -> {
                    ps.setInt(1, m.delta());
                    ps.setObject(2, now);
                    ps.setString(3, m.sku());
                    ps.setInt(4, m.delta());
                    ps.setInt(5, m.delta());
                });
        List<Move> inserts = new ArrayList<>();
        for (int i = 0; i < moves.size(); i++) {
            int count = changed[0][i];
            // SUCCESS_NO_INFO (-2): the driver applied it without counting rows
            applied[i] = count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO;
            if (applied[i]) {
                inserts.add(moves.get(i));
            }
        }
        plain.batchUpdate("INSERT INTO stock_movement (sku, quantity, movement_type, reason, reference, actor, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", inserts, inserts.size(), (ps, m) -> {
                    ps.setString(1, m.sku());
                    ps.setInt(2, m.delta());
                    ps.setString(3, m.type().name());
                    ps.setString(4, m.reason());
                    ps.setString(5, m.reference());
                    ps.setString(6, m.actor());
                    ps.setObject(7, now);
                });
        return applied;
    }

    /** On-hand and reserved stock of each SKU that has a stock row. */
    Map<String, Level> levels(Collection<String> skus) {
        Map<String, Level> levels = new HashMap<>();
        if (skus.isEmpty()) {
            return levels;
        }
        jdbc.sql("SELECT sku, on_hand, reserved FROM stock_level WHERE sku IN (:skus)").param("skus", skus)
                .query((rs, i) -> Map.entry(rs.getString(1), new Level(rs.getInt(2), rs.getInt(3)))).list()
                .forEach(e -> levels.put(e.getKey(), e.getValue()));
        return levels;
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
