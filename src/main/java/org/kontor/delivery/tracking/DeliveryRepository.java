package org.kontor.delivery.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private static final String COLUMNS = "order_id, status, attempts, plan_id, delivery_date, vehicle_id, stop_no, eta, "
            + "window_end, reason, process_instance_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Delivery> find(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE order_id = :id").param("id", orderId)
                .query(this::delivery).optional();
    }

    List<Delivery> findAll(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE order_id IN (:ids)").param("ids", orderIds)
                .query(this::delivery).list();
    }

    void insert(Delivery d) {
        jdbc.sql("INSERT INTO delivery (" + COLUMNS + ", updated_at) VALUES (:id, :status, :attempts, :plan, :date, "
                        + ":vehicle, :stop, :eta, :windowEnd, NULL, NULL, :now)")
                .param("id", d.orderId()).param("status", d.status().name()).param("attempts", d.attempts())
                .param("plan", d.planId()).param("date", d.deliveryDate()).param("vehicle", d.vehicleId())
                .param("stop", d.stopNo()).param("eta", d.eta()).param("windowEnd", d.windowEnd())
                .param("now", LocalDateTime.now(clock)).update();
    }

    /** The next attempt on another plan: the previous attempt's reason stays until this one has an outcome. */
    void reschedule(Delivery d) {
        jdbc.sql("UPDATE delivery SET status = :status, attempts = :attempts, plan_id = :plan, delivery_date = :date, "
                        + "vehicle_id = :vehicle, stop_no = :stop, eta = :eta, window_end = :windowEnd, updated_at = :now "
                        + "WHERE order_id = :id")
                .param("status", d.status().name()).param("attempts", d.attempts()).param("plan", d.planId())
                .param("date", d.deliveryDate()).param("vehicle", d.vehicleId()).param("stop", d.stopNo())
                .param("eta", d.eta()).param("windowEnd", d.windowEnd()).param("now", LocalDateTime.now(clock))
                .param("id", d.orderId()).update();
    }

    void setStatus(String orderId, DeliveryStatus status, String reason) {
        jdbc.sql("UPDATE delivery SET status = :status, reason = COALESCE(:reason, reason), updated_at = :now "
                        + "WHERE order_id = :id")
                .param("status", status.name()).param("reason", reason).param("now", LocalDateTime.now(clock))
                .param("id", orderId).update();
    }

    void setProcessInstance(String orderId, String processInstanceId) {
        jdbc.sql("UPDATE delivery SET process_instance_id = :pi WHERE order_id = :id")
                .param("pi", processInstanceId).param("id", orderId).update();
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getString("order_id"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("plan_id"), rs.getObject("delivery_date", LocalDate.class), rs.getString("vehicle_id"),
                rs.getInt("stop_no"), rs.getObject("eta", LocalDateTime.class),
                rs.getObject("window_end", LocalDateTime.class), rs.getString("reason"),
                rs.getString("process_instance_id"));
    }
}
