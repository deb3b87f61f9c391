package org.kontor.delivery.planning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryPlanRepository {

    private static final String COLUMNS = "plan_id, delivery_date, status, requested_by, process_instance_id, "
            + "time_limit_seconds, excluded_vehicles, rounds, order_count, feasible, vehicles_used, total_distance_km, "
            + "routes, unassigned, progress, approved_by, approved_at, created_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DeliveryPlanRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the date already has an open plan */
    void insert(String planId, LocalDate date, String requestedBy, int timeLimitSeconds) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("INSERT INTO delivery_plan (plan_id, delivery_date, open_date, status, requested_by, time_limit_seconds, "
                        + "rounds, order_count, created_at, updated_at) VALUES (:id, :date, :date, :status, :by, :limit, 0, 0, "
                        + ":now, :now)")
                .param("id", planId).param("date", date).param("status", PlanStatus.REQUESTED.name())
                .param("by", requestedBy).param("limit", timeLimitSeconds).param("now", now).update();
    }

    Optional<DeliveryPlan> find(String planId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery_plan WHERE plan_id = :id").param("id", planId)
                .query(this::plan).optional();
    }

    Optional<DeliveryPlan> findOpen(LocalDate date) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery_plan WHERE open_date = :date").param("date", date)
                .query(this::plan).optional();
    }

    List<DeliveryPlan> list(LocalDate date, int limit) {
        String where = date == null ? "" : " WHERE delivery_date = :date";
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM delivery_plan" + where
                + " ORDER BY created_at DESC LIMIT :limit").param("limit", limit);
        if (date != null) {
            statement = statement.param("date", date);
        }
        return statement.query(this::plan).list();
    }

    void setProcessInstance(String planId, String processInstanceId) {
        jdbc.sql("UPDATE delivery_plan SET process_instance_id = :pi WHERE plan_id = :id")
                .param("pi", processInstanceId).param("id", planId).update();
    }

    /** A new planning round: settings, the orders collected, and the previous round's result forgotten. */
    void startRound(String planId, int timeLimitSeconds, List<String> excludedVehicles, int orderCount) {
        jdbc.sql("UPDATE delivery_plan SET status = :status, time_limit_seconds = :limit, excluded_vehicles = :excluded, "
                        + "order_count = :orders, rounds = rounds + 1, feasible = NULL, vehicles_used = NULL, "
                        + "total_distance_km = NULL, routes = NULL, unassigned = NULL, progress = NULL, updated_at = :now "
                        + "WHERE plan_id = :id")
                .param("status", PlanStatus.PLANNING.name()).param("limit", timeLimitSeconds)
                .param("excluded", excludedVehicles.isEmpty() ? null : String.join(",", excludedVehicles))
                .param("orders", orderCount).param("now", LocalDateTime.now(clock)).param("id", planId).update();
    }

    void setProgress(String planId, DeliveryPlan.Progress progress) {
        jdbc.sql("UPDATE delivery_plan SET progress = :progress, updated_at = :now WHERE plan_id = :id")
                .param("progress", write(progress)).param("now", LocalDateTime.now(clock)).param("id", planId).update();
    }

    void setResult(String planId, boolean feasible, int vehiclesUsed, double distanceKm, List<DeliveryPlan.Route> routes,
            List<DeliveryPlan.Unassigned> unassigned, DeliveryPlan.Progress progress) {
        jdbc.sql("UPDATE delivery_plan SET status = :status, feasible = :feasible, vehicles_used = :vehicles, "
                        + "total_distance_km = :distance, routes = :routes, unassigned = :unassigned, progress = :progress, "
                        + "updated_at = :now WHERE plan_id = :id")
                .param("status", PlanStatus.PROPOSED.name()).param("feasible", feasible).param("vehicles", vehiclesUsed)
                .param("distance", km(distanceKm))
                .param("routes", write(routes)).param("unassigned", write(unassigned)).param("progress", write(progress))
                .param("now", LocalDateTime.now(clock)).param("id", planId).update();
    }

    /** Only a proposed plan can be approved; answers whether this call approved it. */
    boolean approve(String planId, String approvedBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("UPDATE delivery_plan SET status = :approved, open_date = NULL, approved_by = :by, approved_at = :now, "
                        + "updated_at = :now WHERE plan_id = :id AND status = :proposed")
                .param("approved", PlanStatus.APPROVED.name()).param("by", approvedBy).param("now", now)
                .param("id", planId).param("proposed", PlanStatus.PROPOSED.name()).update() == 1;
    }

    /** Routes as they were carried out: stops whose order another plan took first are dropped on approval. */
    void replaceRoutes(String planId, List<DeliveryPlan.Route> routes, List<DeliveryPlan.Unassigned> unassigned,
            int vehiclesUsed, double distanceKm) {
        jdbc.sql("UPDATE delivery_plan SET routes = :routes, unassigned = :unassigned, vehicles_used = :vehicles, "
                        + "total_distance_km = :distance, updated_at = :now WHERE plan_id = :id")
                .param("routes", write(routes)).param("unassigned", write(unassigned)).param("vehicles", vehiclesUsed)
                .param("distance", km(distanceKm))
                .param("now", LocalDateTime.now(clock)).param("id", planId).update();
    }

    /** Closes a plan that is still open (nothing to plan, or its process ended without approval). */
    void close(String planId, PlanStatus status) {
        jdbc.sql("UPDATE delivery_plan SET status = :status, open_date = NULL, updated_at = :now "
                        + "WHERE plan_id = :id AND open_date IS NOT NULL")
                .param("status", status.name()).param("now", LocalDateTime.now(clock)).param("id", planId).update();
    }

    /** As the column keeps it: metres. */
    private static BigDecimal km(double distanceKm) {
        return BigDecimal.valueOf(distanceKm).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    private DeliveryPlan plan(ResultSet rs, int row) throws SQLException {
        BigDecimal distance = rs.getBigDecimal("total_distance_km");
        String excluded = rs.getString("excluded_vehicles");
        return new DeliveryPlan(rs.getString("plan_id"), rs.getObject("delivery_date", LocalDate.class),
                PlanStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getString("process_instance_id"), rs.getInt("time_limit_seconds"),
                excluded == null ? List.of() : Arrays.asList(excluded.split(",")), rs.getInt("rounds"),
                rs.getInt("order_count"), (Boolean) rs.getObject("feasible", Boolean.class),
                (Integer) rs.getObject("vehicles_used", Integer.class), distance == null ? null : distance.doubleValue(),
                read(rs.getString("routes"), new TypeReference<List<DeliveryPlan.Route>>() { }),
                read(rs.getString("unassigned"), new TypeReference<List<DeliveryPlan.Unassigned>>() { }),
                read(rs.getString("progress"), new TypeReference<DeliveryPlan.Progress>() { }),
                rs.getString("approved_by"), rs.getObject("approved_at", LocalDateTime.class),
                rs.getObject("created_at", LocalDateTime.class));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write delivery plan JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored delivery plan JSON is unreadable", e);
        }
    }
}
