package org.kontor.masterdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.kontor.platform.persistence.SqlParams;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final String COLUMNS = "sku, name, unit_price, weight_kg, reorder_point, reorder_quantity, abc_class";

    private final JdbcClient jdbc;
    private final Clock clock;

    ProductRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Upsert upsert(Product p) {
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE product SET name = :name, unit_price = :unitPrice, weight_kg = :weightKg,
                               reorder_point = :reorderPoint, reorder_quantity = :reorderQuantity,
                               abc_class = COALESCE(:abcClass, abc_class), updated_at = :now
                         WHERE sku = :sku""")
                .paramSource(SqlParams.of(p, "now", now)).update();
        if (changed > 0) {
            return Upsert.UPDATED;
        }
        try {
            jdbc.sql("INSERT INTO product (" + COLUMNS + ", created_at, updated_at) VALUES "
                            + "(:sku, :name, :unitPrice, :weightKg, :reorderPoint, :reorderQuantity, :abcClass, :now, :now)")
                    .paramSource(SqlParams.of(p, "now", now)).update();
            return Upsert.CREATED;
        } catch (DuplicateKeyException raced) {
            // another upload inserted it between our UPDATE and INSERT: now it exists, update it
            return upsert(p);
        }
    }

    Optional<Product> find(String sku) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku = :sku").param("sku", sku)
                .query(ProductRepository::product).optional();
    }

    /** Many at once (for count sheets with thousands of lines); callers keep {@code skus} to a few hundred. */
    List<Product> findAll(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku IN (:skus)").param("skus", skus)
                .query(ProductRepository::product).list();
    }

    List<Product> findAll(int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM product ORDER BY sku LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(ProductRepository::product).list();
    }

    /**
     * An explicit mapper: the by-name record mapper probes camelCase names first, and on H2 each miss is an
     * exception written to the trace file, per column and row (five per product: the order robots look products
     * up for every line, so this was a hot spot of order intake).
     */
    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5),
                rs.getInt(6), rs.getString(7));
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM product").query(Long.class).single();
    }
}
