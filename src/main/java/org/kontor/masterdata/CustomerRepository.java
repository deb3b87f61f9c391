package org.kontor.masterdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kontor.platform.persistence.SqlParams;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private static final String COLUMNS = "customer_number, name, street, city, latitude, longitude, "
            + "delivery_window_start, delivery_window_end";

    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Upsert upsert(Customer c) {
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE customer SET name = :name, street = :street, city = :city, latitude = :latitude,
                               longitude = :longitude, delivery_window_start = :deliveryWindowStart,
                               delivery_window_end = :deliveryWindowEnd, updated_at = :now
                         WHERE customer_number = :customerNumber""")
                .paramSource(SqlParams.of(c, "now", now)).update();
        Upsert result = Upsert.UPDATED;
        if (changed == 0) {
            try {
                jdbc.sql("INSERT INTO customer (" + COLUMNS + ", created_at, updated_at) VALUES (:customerNumber, :name, "
                                + ":street, :city, :latitude, :longitude, :deliveryWindowStart, :deliveryWindowEnd, :now, :now)")
                        .paramSource(SqlParams.of(c, "now", now)).update();
                result = Upsert.CREATED;
            } catch (DuplicateKeyException raced) {
                return upsert(c);
            }
        }
        if (c.aliases() != null) {
            jdbc.sql("DELETE FROM customer_alias WHERE customer_number = :n").param("n", c.customerNumber()).update();
            for (String alias : c.aliases()) {
                jdbc.sql("INSERT INTO customer_alias (alias, customer_number) VALUES (:alias, :n)")
                        .param("alias", alias).param("n", c.customerNumber()).update();
            }
        }
        return result;
    }

    /** The customer with its aliases, in one statement (order intake looks a customer up twice per order). */
    Optional<Customer> find(String customerNumber) {
        List<String> aliases = new ArrayList<>();
        Customer[] customer = new Customer[1];
        jdbc.sql("SELECT c." + COLUMNS.replace(", ", ", c.") + ", a.alias FROM customer c "
                        + "LEFT JOIN customer_alias a ON a.customer_number = c.customer_number "
                        + "WHERE c.customer_number = :n ORDER BY a.alias")
                .param("n", customerNumber).query(rs -> {
                    if (customer[0] == null) {
                        customer[0] = map(rs, 0);
                    }
                    String alias = rs.getString("alias");
                    if (alias != null) {
                        aliases.add(alias);
                    }
                });
        return Optional.ofNullable(customer[0]).map(c -> new Customer(c.customerNumber(), c.name(), c.street(), c.city(),
                c.latitude(), c.longitude(), c.deliveryWindowStart(), c.deliveryWindowEnd(), List.copyOf(aliases)));
    }

    List<Customer> findAll(int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer ORDER BY customer_number LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(CustomerRepository::map).list()
                .stream().map(this::withAliases).toList();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
    }

    private Customer withAliases(Customer c) {
        List<String> aliases = jdbc.sql("SELECT alias FROM customer_alias WHERE customer_number = :n ORDER BY alias")
                .param("n", c.customerNumber()).query(String.class).list();
        return new Customer(c.customerNumber(), c.name(), c.street(), c.city(), c.latitude(), c.longitude(),
                c.deliveryWindowStart(), c.deliveryWindowEnd(), aliases);
    }

    private static Customer map(ResultSet rs, int rowNum) throws SQLException {
        return new Customer(rs.getString("customer_number"), rs.getString("name"), rs.getString("street"),
                rs.getString("city"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getObject("delivery_window_start", LocalTime.class), rs.getObject("delivery_window_end", LocalTime.class),
                List.of());
    }
}
