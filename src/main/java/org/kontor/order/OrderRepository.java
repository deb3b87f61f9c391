package org.kontor.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private static final String COLUMNS = "order_id, customer_number, po_number, order_date, requested_delivery_date, "
            + "delivery_address, document_total, status, source, review_required, reviewed_by, document_id, "
            + "process_instance_id, problems, received_by";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(String orderId, OrderDraft draft, OrderSource source, String documentId, String receivedBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("INSERT INTO customer_order (" + COLUMNS + ", created_at, updated_at) VALUES (:id, :customer, :po, "
                        + ":orderDate, :deliveryDate, :address, :total, :status, :source, FALSE, NULL, :documentId, NULL, "
                        + "NULL, :by, :now, :now)")
                .param("id", orderId).param("customer", draft.customerNumber()).param("po", draft.poNumber())
                .param("orderDate", draft.orderDate()).param("deliveryDate", draft.requestedDeliveryDate())
                .param("address", draft.deliveryAddress()).param("total", draft.total())
                .param("status", OrderStatus.RECEIVED.name()).param("source", source.name())
                .param("documentId", documentId).param("by", receivedBy).param("now", now).update();
        insertLines(orderId, draft.lines());
    }

    /** Header fields and lines from a (corrected) draft; reservations are not touched here. */
    void updateFromDraft(String orderId, OrderDraft draft) {
        headerUpdate(orderId, draft, "").update();
        replaceLines(orderId, draft.lines());
    }

    /** Header fields from a validated draft and the validation's verdict, in one statement; lines are not touched. */
    void updateHeaderAndReview(String orderId, OrderDraft draft, boolean reviewRequired, List<String> problems) {
        headerUpdate(orderId, draft, ", review_required = :review, problems = :problems")
                .param("review", reviewRequired).param("problems", toJson(problems)).update();
    }

    private JdbcClient.StatementSpec headerUpdate(String orderId, OrderDraft draft, String moreColumns) {
        return jdbc.sql("UPDATE customer_order SET customer_number = :customer, po_number = :po, order_date = :orderDate, "
                        + "requested_delivery_date = :deliveryDate, delivery_address = :address, document_total = :total"
                        + moreColumns + ", updated_at = :now WHERE order_id = :id")
                .param("customer", draft.customerNumber()).param("po", draft.poNumber())
                .param("orderDate", draft.orderDate()).param("deliveryDate", draft.requestedDeliveryDate())
                .param("address", draft.deliveryAddress()).param("total", draft.total())
                .param("now", LocalDateTime.now(clock)).param("id", orderId);
    }

    /** The order's lines become {@code lines} (numbered from 1), without reservations. */
    void replaceLines(String orderId, List<OrderDraft.Line> lines) {
        jdbc.sql("DELETE FROM order_line WHERE order_id = :id").param("id", orderId).update();
        insertLines(orderId, lines);
    }

    private void insertLines(String orderId, List<OrderDraft.Line> lines) {
        int lineNo = 1;
        for (OrderDraft.Line line : lines) {
            jdbc.sql("INSERT INTO order_line (order_id, line_no, sku, description, quantity, unit_price, reserved_quantity) "
                            + "VALUES (:id, :no, :sku, :description, :quantity, :price, 0)")
                    .param("id", orderId).param("no", lineNo++).param("sku", line.sku())
                    .param("description", truncate(line.description(), 300)).param("quantity", line.quantity())
                    .param("price", line.unitPrice()).update();
        }
    }

    Optional<Order> find(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE order_id = :id").param("id", orderId)
                .query(this::header).optional().map(this::withLines);
    }

    Optional<Order> findByCustomerAndPo(String customerNumber, String poNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE customer_number = :c AND po_number = :po")
                .param("c", customerNumber).param("po", poNumber).query(this::header).optional().map(this::withLines);
    }

    Optional<Order> findByDocument(String documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE document_id = :d").param("d", documentId)
                .query(this::header).optional().map(this::withLines);
    }

    List<Order> search(String poNumber, String customerNumber, OrderStatus status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customer_order WHERE 1 = 1");
        if (poNumber != null) {
            sql.append(" AND po_number = :po");
        }
        if (customerNumber != null) {
            sql.append(" AND customer_number = :customer");
        }
        if (status != null) {
            sql.append(" AND status = :status");
        }
        sql.append(" ORDER BY created_at DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (poNumber != null) {
            statement = statement.param("po", poNumber);
        }
        if (customerNumber != null) {
            statement = statement.param("customer", customerNumber);
        }
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement.query(this::header).list().stream().map(this::withLines).toList();
    }

    void setStatus(String orderId, OrderStatus status) {
        jdbc.sql("UPDATE customer_order SET status = :status, updated_at = :now WHERE order_id = :id")
                .param("status", status.name()).param("now", LocalDateTime.now(clock)).param("id", orderId).update();
    }

    /** Moves the order from one of {@code from} to {@code to}; false when it was in none of them (already moved). */
    boolean transition(String orderId, OrderStatus to, OrderStatus... from) {
        return jdbc.sql("UPDATE customer_order SET status = :to, updated_at = :now WHERE order_id = :id AND status IN (:from)")
                .param("to", to.name()).param("now", LocalDateTime.now(clock)).param("id", orderId)
                .param("from", java.util.Arrays.stream(from).map(Enum::name).toList()).update() == 1;
    }

    /** Confirmed orders due by {@code date} (or without a requested date), the longest waiting first. */
    List<Order> dueForDelivery(LocalDate date, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE status = :status "
                        + "AND (requested_delivery_date IS NULL OR requested_delivery_date <= :date) "
                        + "ORDER BY requested_delivery_date, created_at, order_id LIMIT :limit")
                .param("status", OrderStatus.CONFIRMED.name()).param("date", date).param("limit", limit)
                .query(this::header).list().stream().map(this::withLines).toList();
    }

    /** How many orders {@link #dueForDelivery} would give, without loading them. */
    int countDueForDelivery(LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE status = :status "
                        + "AND (requested_delivery_date IS NULL OR requested_delivery_date <= :date)")
                .param("status", OrderStatus.CONFIRMED.name()).param("date", date).query(Integer.class).single();
    }

    void clearReserved(String orderId, int lineNo) {
        jdbc.sql("UPDATE order_line SET reserved_quantity = 0 WHERE order_id = :id AND line_no = :no")
                .param("id", orderId).param("no", lineNo).update();
    }

    void setReview(String orderId, boolean reviewRequired, List<String> problems) {
        jdbc.sql("UPDATE customer_order SET review_required = :review, problems = :problems, updated_at = :now "
                        + "WHERE order_id = :id")
                .param("review", reviewRequired).param("problems", toJson(problems))
                .param("now", LocalDateTime.now(clock)).param("id", orderId).update();
    }

    void setReviewedBy(String orderId, String reviewer) {
        jdbc.sql("UPDATE customer_order SET reviewed_by = :by, updated_at = :now WHERE order_id = :id")
                .param("by", reviewer).param("now", LocalDateTime.now(clock)).param("id", orderId).update();
    }

    void setProcessInstance(String orderId, String processInstanceId) {
        jdbc.sql("UPDATE customer_order SET process_instance_id = :pi WHERE order_id = :id")
                .param("pi", processInstanceId).param("id", orderId).update();
    }

    void addReserved(String orderId, int lineNo, int quantity) {
        jdbc.sql("UPDATE order_line SET reserved_quantity = reserved_quantity + :q WHERE order_id = :id AND line_no = :no")
                .param("q", quantity).param("id", orderId).param("no", lineNo).update();
    }

    private Order header(ResultSet rs, int row) throws SQLException {
        return new Order(rs.getString("order_id"), rs.getString("customer_number"), rs.getString("po_number"),
                rs.getObject("order_date", LocalDate.class), rs.getObject("requested_delivery_date", LocalDate.class),
                rs.getString("delivery_address"), rs.getBigDecimal("document_total"),
                OrderStatus.valueOf(rs.getString("status")), OrderSource.valueOf(rs.getString("source")),
                rs.getBoolean("review_required"), rs.getString("reviewed_by"), rs.getString("document_id"),
                rs.getString("process_instance_id"), fromJson(rs.getString("problems")), rs.getString("received_by"),
                List.of());
    }

    private Order withLines(Order o) {
        List<OrderLine> lines = jdbc.sql("SELECT line_no, sku, description, quantity, unit_price, reserved_quantity "
                        + "FROM order_line WHERE order_id = :id ORDER BY line_no")
                .param("id", o.orderId())
                .query((rs, n) -> new OrderLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("description"),
                        (Integer) rs.getObject("quantity", Integer.class), rs.getBigDecimal("unit_price"),
                        rs.getInt("reserved_quantity")))
                .list();
        return new Order(o.orderId(), o.customerNumber(), o.poNumber(), o.orderDate(), o.requestedDeliveryDate(),
                o.deliveryAddress(), o.documentTotal(), o.status(), o.source(), o.reviewRequired(), o.reviewedBy(),
                o.documentId(), o.processInstanceId(), o.problems(), o.receivedBy(), new ArrayList<>(lines));
    }

    private static String toJson(List<String> problems) {
        try {
            return JSON.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
